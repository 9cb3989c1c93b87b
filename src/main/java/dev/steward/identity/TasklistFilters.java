package dev.steward.identity;

import dev.steward.platform.Role;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Camunda Tasklist lists tasks only through filters, and stored filters may not use expressions
 * here ({@code enable-expressions-in-stored-queries: false}, so {@code ${currentUser()}} is
 * refused): each internal user gets a "My tasks" filter of their own with their user name as a
 * literal assignee, owned by them (the engine grants a filter's owner all permissions on it). BPO
 * leads get none: they never reach the webapps.
 */
@Component
class TasklistFilters {

  static final String MY_TASKS = "My tasks";

  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentityService identityService;

  TasklistFilters(
      FilterService filterService, TaskService taskService, IdentityService identityService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /** Creates the user's "My tasks" filter unless they have one. */
  void ensureMyTasks(String username) {
    if (filterService.createTaskFilterQuery().filterName(MY_TASKS).filterOwner(username).count()
        > 0) {
      return;
    }
    Filter filter =
        filterService
            .newTaskFilter(MY_TASKS)
            .setOwner(username)
            .setQuery(taskService.createTaskQuery().taskAssignee(username))
            .setProperties(
                Map.of("description", "Tasks assigned to me", "priority", -10, "refresh", true));
    filterService.saveFilter(filter);
  }

  /**
   * Every member of an internal group (administrators, RMs, QA analysts, executives) has a "My
   * tasks" filter: users created before the filters existed get theirs on the next start.
   */
  void ensureMyTasksForInternalUsers() {
    Set<String> users = new LinkedHashSet<>();
    for (Role role : Role.values()) {
      if (role.isInternal()) {
        identityService
            .createUserQuery()
            .memberOfGroup(role.groupId())
            .list()
            .forEach((User u) -> users.add(u.getId()));
      }
    }
    users.forEach(this::ensureMyTasks);
  }
}
