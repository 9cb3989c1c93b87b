package dev.steward.decision;

import dev.steward.platform.ApiRoutes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The decision record is for brand staff only: it holds internal reasoning (why a vendor was not
 * selected, the comparison with a competitor), so BPO leads get 403, also for their own vendor.
 */
@Component
class DecisionApiRoutes implements ApiRoutes {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    auth.requestMatchers(HttpMethod.GET, "/api/vendors/*/decisions").hasAnyRole(INTERNAL_ROLES);
  }
}
