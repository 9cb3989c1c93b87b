package dev.steward.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five roles of security.md. Each role is a Camunda group, so one user store (the engine's
 * identity service) backs the webapps and the application alike.
 */
public enum Role {
  ADMIN("camunda-admin", "Administrators"),
  RELATIONSHIP_MANAGER("relationship-managers", "Relationship managers"),
  QA_ANALYST("qa-analysts", "QA analysts"),
  BPO_LEAD("bpo-leads", "BPO team leads"),
  EXECUTIVE("executives", "Executives");

  private final String groupId;
  private final String groupName;

  Role(String groupId, String groupName) {
    this.groupId = groupId;
    this.groupName = groupName;
  }

  public String groupId() {
    return groupId;
  }

  public String groupName() {
    return groupName;
  }

  /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** Internal users are brand staff; only they may reach the engine and the Camunda webapps. */
  public boolean isInternal() {
    return this != BPO_LEAD;
  }

  public static Optional<Role> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
  }
}
