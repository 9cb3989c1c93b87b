package dev.steward.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs} (and {@code /swagger-ui.html}). */
@Configuration
class OpenApiConfig {

  @Bean
  OpenAPI stewardOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Steward API")
                .version("1")
                .description(
                    "Run outsourced customer-service vendors: vendors, escalations and workflow tasks. HTTP Basic;"
                        + " errors are RFC 9457 problem details; a BPO lead sees only their own vendor's data."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
