package dev.steward.qa;

import dev.steward.platform.ApiRoutes;
import dev.steward.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the QA scorecard and calibration endpoints. BPO leads read their own vendor's QA
 * scorecard (the service scopes it); calibration sessions are the brand's internal work.
 */
@Component
class QaCalibrationApiRoutes implements ApiRoutes {

  private static final String[] CONFIGURERS = {
    Role.RELATIONSHIP_MANAGER.name(), Role.QA_ANALYST.name(), Role.ADMIN.name()
  };

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    auth.requestMatchers(HttpMethod.GET, "/api/vendors/*/qa-scorecard")
        .hasAnyRole(ALL_ROLES)
        .requestMatchers(HttpMethod.PUT, "/api/vendors/*/qa-scorecard")
        .hasAnyRole(CONFIGURERS)
        .requestMatchers(HttpMethod.POST, "/api/vendors/*/qa-calibrations")
        .hasAnyRole(CONFIGURERS)
        .requestMatchers(HttpMethod.GET, "/api/vendors/*/qa-calibrations")
        .hasAnyRole(INTERNAL_ROLES)
        .requestMatchers(HttpMethod.GET, "/api/qa-calibrations/*")
        .hasAnyRole(INTERNAL_ROLES);
  }
}
