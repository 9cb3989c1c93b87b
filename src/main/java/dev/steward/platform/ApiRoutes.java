package dev.steward.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A slice's access rules for its own {@code /api} endpoints. {@link SecurityConfig} applies every
 * bean of this type after the core rules and before its final "deny everything else", so a slice's
 * endpoints are closed until the slice opens them to named roles.
 */
public interface ApiRoutes {

  void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth);

  /** Every role, BPO leads included (they are then scoped to their vendor by the slice). */
  String[] ALL_ROLES = SecurityConfig.ALL_ROLES;

  /** The brand's own staff: everyone but BPO leads. */
  String[] INTERNAL_ROLES = SecurityConfig.INTERNAL_ROLES;
}
