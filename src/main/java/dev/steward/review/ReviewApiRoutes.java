package dev.steward.review;

import dev.steward.platform.ApiRoutes;
import dev.steward.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the review endpoints: RMs and administrators start reviews; brand staff read them;
 * every role reads a vendor's notices (BPO leads only their own vendor's, checked by the service).
 */
@Component
class ReviewApiRoutes implements ApiRoutes {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    auth.requestMatchers(HttpMethod.POST, "/api/vendors/*/reviews")
        .hasAnyRole(Role.RELATIONSHIP_MANAGER.name(), Role.ADMIN.name())
        .requestMatchers(HttpMethod.GET, "/api/vendors/*/reviews", "/api/reviews/*")
        .hasAnyRole(INTERNAL_ROLES)
        .requestMatchers(HttpMethod.GET, "/api/vendors/*/notices")
        .hasAnyRole(ALL_ROLES);
  }
}
