package dev.steward.identity;

import dev.steward.platform.AuditLog;
import dev.steward.platform.ConflictException;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.VendorService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates users in Camunda's identity service, the one user store: the account, its role group, a
 * BPO lead's vendor binding (user info {@value #VENDOR_ID_INFO_KEY}) and a personal "My tasks"
 * filter for Tasklist.
 */
@Service
public class UserAccounts {

  /** User info key that binds a BPO lead's account to their vendor. */
  public static final String VENDOR_ID_INFO_KEY = "steward.vendorId";

  private final IdentityService identityService;
  private final TasklistFilters tasklistFilters;
  private final VendorService vendors;
  private final AuditLog auditLog;

  UserAccounts(
      IdentityService identityService,
      TasklistFilters tasklistFilters,
      VendorService vendors,
      AuditLog auditLog) {
    this.identityService = identityService;
    this.tasklistFilters = tasklistFilters;
    this.vendors = vendors;
    this.auditLog = auditLog;
  }

  /**
   * Revokes every role of the user: they keep their name (history and audit refer to it) but every
   * request is refused from their next request on (roles are read at each sign-in, and the API
   * signs in on every request). Idempotent. Used when a vendor is offboarded: its BPO leads lose
   * access.
   *
   * @return whether the user had any role to revoke
   */
  @Transactional
  public boolean revokeAccess(String username, String actor, String why) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(username).list().stream()
            .map(g -> g.getId())
            .toList();
    for (String group : groups) {
      identityService.deleteMembership(username, group);
    }
    if (!groups.isEmpty()) {
      auditLog.record(actor, "USER_ACCESS_REVOKED", "user", username, why + "; groups " + groups);
    }
    return !groups.isEmpty();
  }

  @Transactional
  public UserView create(NewUser request, String actor) {
    List<FieldError> errors = new ArrayList<>();
    if (request.role() == Role.BPO_LEAD) {
      if (request.vendorId() == null || request.vendorId().isBlank()) {
        errors.add(FieldError.field("vendorId", "is required for a BPO_LEAD"));
      } else if (!vendors.exists(request.vendorId())) {
        errors.add(FieldError.field("vendorId", "no vendor has id '" + request.vendorId() + "'"));
      }
    } else if (request.vendorId() != null) {
      errors.add(FieldError.field("vendorId", "only a BPO_LEAD is bound to a vendor"));
    }
    boolean onCall = Boolean.TRUE.equals(request.onCall());
    if (onCall && !request.role().isInternal()) {
      errors.add(FieldError.field("onCall", "only brand staff can be on call"));
    }
    User user = identityService.newUser(request.username());
    String[] names = splitName(request.displayName().strip());
    user.setFirstName(names[0]);
    user.setLastName(names[1]);
    user.setPassword(request.password());
    PasswordPolicyResult policy =
        identityService.checkPasswordAgainstPolicy(request.password(), user);
    if (!policy.isValid()) {
      policy
          .getViolatedRules()
          .forEach(
              rule ->
                  errors.add(
                      FieldError.field(
                          "password", describe(rule.getPlaceholder(), rule.getParameters()))));
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The user has invalid data", errors);
    }
    if (identityService.createUserQuery().userId(request.username()).count() > 0) {
      throw new ConflictException("A user named '" + request.username() + "' already exists");
    }
    identityService.saveUser(user);
    identityService.createMembership(request.username(), request.role().groupId());
    if (onCall) {
      identityService.createMembership(request.username(), IdentityBootstrap.ON_CALL_GROUP);
    }
    if (request.role() == Role.BPO_LEAD) {
      identityService.setUserInfo(request.username(), VENDOR_ID_INFO_KEY, request.vendorId());
    } else {
      tasklistFilters.ensureMyTasks(request.username());
    }
    auditLog.record(actor, "USER_CREATED", "user", request.username(), "role=" + request.role());
    return new UserView(
        request.username(),
        request.displayName().strip(),
        List.of(request.role()),
        request.vendorId(),
        onCall);
  }

  @Transactional(readOnly = true)
  public boolean exists(String username) {
    return identityService.createUserQuery().userId(username).count() > 0;
  }

  public static UserView view(StewardPrincipal principal, boolean onCall) {
    return new UserView(
        principal.username(),
        principal.displayName(),
        principal.roles().stream().sorted().toList(),
        principal.vendorId(),
        onCall);
  }

  static String displayName(User user) {
    String first = user.getFirstName() == null ? "" : user.getFirstName();
    String last = user.getLastName() == null ? "" : user.getLastName();
    String name = (first + " " + last).strip();
    return name.isEmpty() ? user.getId() : name;
  }

  private static String[] splitName(String displayName) {
    int space = displayName.indexOf(' ');
    return space < 0
        ? new String[] {displayName, ""}
        : new String[] {displayName.substring(0, space), displayName.substring(space + 1).strip()};
  }

  private static String describe(String placeholder, Map<String, String> parameters) {
    String minimum = parameters == null ? null : parameters.get("minLength");
    return switch (placeholder) {
      case "PASSWORD_POLICY_LENGTH" ->
          "must have at least " + (minimum == null ? "10" : minimum) + " characters";
      case "PASSWORD_POLICY_LOWERCASE" -> "must contain a lower-case letter";
      case "PASSWORD_POLICY_UPPERCASE" -> "must contain an upper-case letter";
      case "PASSWORD_POLICY_DIGIT" -> "must contain a digit";
      case "PASSWORD_POLICY_SPECIAL" -> "must contain a symbol such as - or !";
      case "PASSWORD_POLICY_USER_DATA" -> "must not contain the user name or display name";
      default -> "does not meet the password policy (" + placeholder + ")";
    };
  }
}
