package dev.steward.bulletin;

import dev.steward.platform.ApiRoutes;
import dev.steward.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may publish bulletins (RMs and admins) and read them (everyone; a BPO lead only what was
 * addressed to their vendor, scoped by {@link BulletinService}).
 */
@Component
class BulletinApiRoutes implements ApiRoutes {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    auth.requestMatchers(HttpMethod.POST, "/api/bulletins")
        .hasAnyRole(Role.RELATIONSHIP_MANAGER.name(), Role.ADMIN.name())
        .requestMatchers(
            HttpMethod.GET, "/api/bulletins", "/api/bulletins/*", "/api/vendors/*/bulletins")
        .hasAnyRole(ALL_ROLES);
  }
}
