package dev.steward.identity;

import dev.steward.platform.Role;
import java.util.List;

/** A user as the API shows it (never the password). */
public record UserView(
    String username, String displayName, List<Role> roles, String vendorId, boolean onCall) {}
