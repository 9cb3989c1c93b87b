package dev.steward.onboarding;

import dev.steward.platform.ApiRoutes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Opens the onboarding read to every role; a BPO lead is scoped to their vendor by the service. */
@Component
class OnboardingApiRoutes implements ApiRoutes {

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    auth.requestMatchers(HttpMethod.GET, "/api/vendors/*/onboarding").hasAnyRole(ALL_ROLES);
  }
}
