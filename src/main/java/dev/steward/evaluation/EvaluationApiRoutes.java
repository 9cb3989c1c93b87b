package dev.steward.evaluation;

import dev.steward.platform.ApiRoutes;
import dev.steward.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call {@code /api/evaluations}: brand staff only; RMs and administrators change it. */
@Component
class EvaluationApiRoutes implements ApiRoutes {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    auth.requestMatchers(HttpMethod.POST, "/api/evaluations")
        .hasAnyRole(Role.RELATIONSHIP_MANAGER.name(), Role.ADMIN.name())
        .requestMatchers(HttpMethod.PUT, "/api/evaluations/*/bids/*")
        .hasAnyRole(Role.RELATIONSHIP_MANAGER.name(), Role.ADMIN.name())
        .requestMatchers(
            HttpMethod.GET, "/api/evaluations", "/api/evaluations/*", "/api/evaluations/*/ranking")
        .hasAnyRole(INTERNAL_ROLES);
  }
}
