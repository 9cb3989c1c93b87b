package dev.steward.platform;

import java.security.Principal;
import java.util.Set;

/**
 * Who is calling: the signed-in user with their roles and, for a BPO lead, the one vendor their
 * account is bound to. The vendor always comes from here, never from a request.
 *
 * <p>{@code groups} are the user's Camunda group ids as read at sign-in (roles come from some of
 * them; others, such as an on-call rota, only route tasks), so task queries need not read them
 * again; {@code null} when the principal was made without reading the account (system and demo
 * callers), and then whoever needs the groups reads them.
 */
public record StewardPrincipal(
    String username, String displayName, Set<Role> roles, String vendorId, Set<String> groups)
    implements Principal {

  public StewardPrincipal {
    roles = Set.copyOf(roles);
    groups = groups == null ? null : Set.copyOf(groups);
  }

  /** A principal whose groups were not read (they are read when needed). */
  public StewardPrincipal(String username, String displayName, Set<Role> roles, String vendorId) {
    this(username, displayName, roles, vendorId, null);
  }

  @Override
  public String getName() {
    return username;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** A BPO lead sees only their own vendor; everybody else is brand staff and sees all vendors. */
  public boolean isVendorScoped() {
    return roles.contains(Role.BPO_LEAD) && roles.stream().noneMatch(Role::isInternal);
  }

  /**
   * The vendor id repository queries filter by: {@code null} for brand staff (all vendors), the
   * lead's own vendor otherwise; a lead without a vendor is scoped to an id no vendor has, so they
   * see nothing.
   */
  public String scopeVendorId() {
    if (!isVendorScoped()) {
      return null;
    }
    return vendorId == null ? NO_VENDOR : vendorId;
  }

  private static final String NO_VENDOR = "-";

  /** May this user see the given vendor's data at all? */
  public boolean canSeeVendor(String vendor) {
    return !isVendorScoped() || (vendorId != null && vendorId.equals(vendor));
  }
}
