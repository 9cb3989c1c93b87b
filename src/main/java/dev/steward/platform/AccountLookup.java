package dev.steward.platform;

import java.util.Optional;

/**
 * Reads a user's account as it is now (roles, vendor) from the one user store; the identity slice
 * implements it. Used to end browser sessions whose user lost access ({@link
 * RevokedAccountFilter}).
 */
public interface AccountLookup {

  /** The user's principal as a fresh sign-in would make it; empty if the user no longer exists. */
  Optional<StewardPrincipal> current(String username);
}
