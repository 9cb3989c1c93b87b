package dev.steward.transition;

import dev.steward.platform.ApiRoutes;
import dev.steward.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * RMs and admins propose transitions; the reads are open to every role so that a BPO lead (of
 * either vendor) gets the same 404 as for a transition that does not exist ({@link
 * TransitionService} answers it), not a 403 that tells them one exists.
 */
@Component
class TransitionApiRoutes implements ApiRoutes {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    auth.requestMatchers(HttpMethod.POST, "/api/vendors/*/transitions")
        .hasAnyRole(Role.RELATIONSHIP_MANAGER.name(), Role.ADMIN.name());
    auth.requestMatchers(HttpMethod.GET, "/api/vendors/*/transitions", "/api/transitions/*")
        .hasAnyRole(ALL_ROLES);
  }
}
