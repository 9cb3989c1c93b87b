package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application starts, reports healthy and serves its OpenAPI description; run on H2 and on
 * PostgreSQL by the subclasses.
 */
abstract class HealthAndOpenApiIT {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  @Test
  void healthIsUpWithoutCredentials() {
    Api.Response health = api.get(null, "/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void openApiDescribesThePublicContract() {
    Api.Response docs = api.get(null, "/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").has("/api/escalations")).isTrue();
    assertThat(docs.json().get("paths").has("/api/vendors")).isTrue();
    assertThat(docs.json().get("paths").has("/api/tasks/{id}/complete")).isTrue();
    assertThat(docs.json().get("paths").has("/api/users")).isTrue();
  }
}
