package dev.steward.platform;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The principal of the current request. */
public final class CurrentUser {

  private CurrentUser() {}

  public static StewardPrincipal get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof StewardPrincipal principal) {
      return principal;
    }
    throw new AuthenticationCredentialsNotFoundException("No signed-in Steward user");
  }
}
