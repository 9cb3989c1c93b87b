package dev.steward.pilot;

import dev.steward.platform.ApiRoutes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read pilots: brand staff, and a BPO lead their own vendor's (scoped by {@link
 * PilotService}).
 */
@Component
class PilotApiRoutes implements ApiRoutes {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    auth.requestMatchers(HttpMethod.GET, "/api/vendors/*/pilots", "/api/pilots/*")
        .hasAnyRole(ALL_ROLES);
  }
}
