package dev.steward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.Role;
import dev.steward.support.Api;
import dev.steward.support.BrowserIntegrationTest;
import dev.steward.support.TestProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Camunda Tasklist needs to show the demo world's internal tasks: a filter that lists each
 * task for its users (stored filters cannot use {@code ${currentUser()}} here), and a deployed
 * Camunda Form for each task, fetched the way Tasklist fetches it. BPO leads' tasks are left out:
 * leads never reach Tasklist (the vendor portal shows theirs).
 */
@BrowserIntegrationTest
class TasklistFormsIT {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;

  @Test
  void everyOpenInternalTaskHasItsCamundaFormAndIsListedByAFilterOfItsUsers() {
    Api api = new Api(port);
    List<Task> internal = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().active().list()) {
      if (!forBpoLeads(task)) {
        internal.add(task);
      }
    }
    assertThat(internal).as("open internal tasks in the demo world").hasSizeGreaterThan(5);

    for (Task task : internal) {
      Api.Response form =
          api.send(
              TestProperties.ADMIN,
              "GET",
              "/engine-rest/task/" + task.getId() + "/deployed-form",
              null,
              null,
              Map.of("Accept", "application/json"));
      assertThat(form.status()).as(task.getName() + ": " + form.body()).isEqualTo(200);
      assertThat(form.json().get("components").size()).as(task.getName()).isPositive();

      assertThat(listedFor(task))
          .as(task.getName() + " is listed by a filter of its users")
          .isTrue();
    }
  }

  @Test
  void internalUsersHaveAMyTasksFilterAndLeadsHaveNone() {
    for (String user : List.of("admin", "rachel", "omar", "quinn", "erin", "victor")) {
      assertThat(
              filterService
                  .createTaskFilterQuery()
                  .filterName("My tasks")
                  .filterOwner(user)
                  .count())
          .as(user)
          .isEqualTo(1);
    }
    for (String lead : List.of("lena", "mateo", "sofia")) {
      assertThat(filterService.createTaskFilterQuery().filterOwner(lead).count()).as(lead).isZero();
    }
  }

  private boolean forBpoLeads(Task task) {
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (Role.BPO_LEAD.groupId().equals(link.getGroupId())) {
        return true;
      }
    }
    return task.getAssignee() != null && isLead(task.getAssignee());
  }

  private boolean isLead(String user) {
    return identityService
            .createUserQuery()
            .userId(user)
            .memberOfGroup(Role.BPO_LEAD.groupId())
            .count()
        > 0;
  }

  /**
   * The assignee's "My tasks" filter lists an assigned task; an unassigned one is listed by the
   * group filter of one of its candidate groups.
   */
  private boolean listedFor(Task task) {
    List<Filter> filters = new ArrayList<>();
    if (task.getAssignee() != null) {
      filters.addAll(
          filterService
              .createTaskFilterQuery()
              .filterName("My tasks")
              .filterOwner(task.getAssignee())
              .list());
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        filters.addAll(
            filterService
                .createTaskFilterQuery()
                .filterName("Tasks for " + link.getGroupId())
                .list());
      }
    }
    for (Filter filter : filters) {
      long listed =
          filterService.count(filter.getId(), taskService.createTaskQuery().taskId(task.getId()));
      if (listed > 0) {
        return true;
      }
    }
    return false;
  }
}
