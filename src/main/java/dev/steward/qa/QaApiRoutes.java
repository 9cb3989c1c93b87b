package dev.steward.qa;

import dev.steward.platform.ApiRoutes;
import dev.steward.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the QA cycle endpoints; the service then scopes BPO leads to their own vendor (404
 * otherwise).
 */
@Component
class QaApiRoutes implements ApiRoutes {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    auth.requestMatchers(HttpMethod.POST, "/api/vendors/*/qa-cycles")
        .hasAnyRole(Role.RELATIONSHIP_MANAGER.name(), Role.QA_ANALYST.name(), Role.ADMIN.name())
        .requestMatchers(
            HttpMethod.GET,
            "/api/vendors/*/qa-cycles",
            "/api/vendors/*/qa-leaderboard",
            "/api/vendors/*/agents/*/points",
            "/api/qa-cycles/*",
            "/api/qa-cycles/*/audits",
            "/api/qa/audits/*")
        .hasAnyRole(ALL_ROLES)
        .requestMatchers(HttpMethod.POST, "/api/qa/audits/*/disputes")
        .hasRole(Role.BPO_LEAD.name());
  }
}
