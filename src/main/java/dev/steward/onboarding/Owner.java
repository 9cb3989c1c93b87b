package dev.steward.onboarding;

import dev.steward.platform.Role;
import java.util.Arrays;
import java.util.Optional;

/** Who owns a responsibility: the brand (its relationship managers) or the vendor (its leads). */
public enum Owner {
  BRAND(Role.RELATIONSHIP_MANAGER),
  VENDOR(Role.BPO_LEAD);

  private final Role role;

  Owner(Role role) {
    this.role = role;
  }

  /**
   * The candidate group of the owner's tasks; the task API scopes {@code bpo-leads} tasks to the
   * process's vendor.
   */
  public String candidateGroup() {
    return role.groupId();
  }

  /** The owner whose candidate group this is; empty for any other group. */
  public static Optional<Owner> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(o -> o.candidateGroup().equals(groupId)).findFirst();
  }
}
