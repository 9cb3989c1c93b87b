package dev.steward.identity;

import dev.steward.platform.Role;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the identity service ready on every start, idempotently: one group per role plus the
 * on-call group, the Camunda authorizations each group needs (deny by default: BPO leads get none),
 * a shared Tasklist filter per group (literal candidate group, assigned tasks included, READ for
 * that group), a "My tasks" filter per internal user ({@link TasklistFilters}), and the first
 * administrator from {@code STEWARD_ADMIN_USERNAME} / {@code STEWARD_ADMIN_PASSWORD}.
 */
@Component
@Order(0)
class IdentityBootstrap implements ApplicationRunner {

  static final String ON_CALL_GROUP = "on-call";
  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final TasklistFilters tasklistFilters;
  private final String adminUsername;
  private final String adminPassword;

  IdentityBootstrap(
      IdentityService identityService,
      AuthorizationService authorizationService,
      FilterService filterService,
      TaskService taskService,
      TasklistFilters tasklistFilters,
      @Value("${steward.admin.username:admin}") String adminUsername,
      @Value("${steward.admin.password:}") String adminPassword) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.tasklistFilters = tasklistFilters;
    this.adminUsername = adminUsername;
    this.adminPassword = adminPassword;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    for (Role role : Role.values()) {
      ensureGroup(role.groupId(), role.groupName());
    }
    ensureGroup(ON_CALL_GROUP, "On-call duty (escalations outside business hours)");

    // administrators: everything, as Camunda's own admin bootstrap grants
    for (Resource resource : Resources.values()) {
      grant(Role.ADMIN.groupId(), resource, Authorization.ANY, Permissions.ALL);
    }
    // brand staff work in Tasklist; task permissions follow assignment and candidate groups
    // automatically
    for (String group :
        new String[] {
          Role.RELATIONSHIP_MANAGER.groupId(),
          Role.QA_ANALYST.groupId(),
          Role.EXECUTIVE.groupId(),
          ON_CALL_GROUP
        }) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
      grant(group, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
      grant(group, Resources.USER, Authorization.ANY, Permissions.READ);
      grant(group, Resources.GROUP, Authorization.ANY, Permissions.READ);
      ensureGroupFilter(group);
    }
    // BPO leads get no Camunda authorization at all: they never reach the engine or the webapps

    ensureAdmin();
    tasklistFilters.ensureMyTasksForInternalUsers();
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(id.equals(Role.ADMIN.groupId()) ? "SYSTEM" : "WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    boolean present =
        authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .hasPermission(permission)
                .count()
            > 0;
    if (!present) {
      Authorization authorization =
          authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      authorizationService.saveAuthorization(authorization);
    }
  }

  private void ensureGroupFilter(String groupId) {
    String name = "Tasks for " + groupId;
    if (filterService.createTaskFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter =
        filterService
            .newTaskFilter(name)
            .setQuery(
                taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks())
            .setProperties(
                Map.of(
                    "description",
                    "Open tasks offered to " + groupId,
                    "priority",
                    0,
                    "refresh",
                    true));
    filterService.saveFilter(filter);
    grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private void ensureAdmin() {
    if (identityService.createUserQuery().userId(adminUsername).count() > 0) {
      return;
    }
    if (adminPassword == null || adminPassword.isBlank()) {
      log.warn(
          "No administrator '{}' exists and STEWARD_ADMIN_PASSWORD is not set: set it to create the first administrator",
          adminUsername);
      return;
    }
    User admin = identityService.newUser(adminUsername);
    admin.setFirstName("Site");
    admin.setLastName("Administrator");
    admin.setPassword(adminPassword);
    if (!identityService.checkPasswordAgainstPolicy(adminPassword, admin).isValid()) {
      throw new IllegalStateException(
          "STEWARD_ADMIN_PASSWORD does not meet the password policy: at least 10 characters with an upper-case and a"
              + " lower-case letter, a digit and a symbol, not containing the user name");
    }
    identityService.saveUser(admin);
    identityService.createMembership(adminUsername, Role.ADMIN.groupId());
    log.info("Created the first administrator '{}'", adminUsername);
  }
}
