package dev.steward.risk;

import dev.steward.platform.ApiRoutes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the risk log: every role reads a vendor's log (BPO leads only their own vendor's,
 * checked by the service); only brand staff enter, change or list across vendors.
 */
@Component
class RiskApiRoutes implements ApiRoutes {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    auth.requestMatchers(HttpMethod.POST, "/api/vendors/*/risks")
        .hasAnyRole(INTERNAL_ROLES)
        .requestMatchers(HttpMethod.GET, "/api/vendors/*/risks")
        .hasAnyRole(ALL_ROLES)
        .requestMatchers(HttpMethod.GET, "/api/risks", "/api/risks/*")
        .hasAnyRole(INTERNAL_ROLES)
        .requestMatchers(HttpMethod.PATCH, "/api/risks/*")
        .hasAnyRole(INTERNAL_ROLES);
  }
}
