package dev.steward.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The job executor, played by an integration test (it is off in the test contexts): runs the async
 * continuations of a set of process instances and of every process they called, one job at a time
 * (so a job an earlier job removed is never run), and finds their timers.
 */
public final class JobRunner {

  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  public JobRunner(RuntimeService runtimeService, ManagementService managementService) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  /**
   * Runs the executable async continuations (never the timers) of the trees under the roots until
   * none is left. The roots are asked for again after every job, since jobs start processes.
   */
  public void runJobs(Supplier<Collection<String>> roots) {
    for (int i = 0; i < 200; i++) {
      Job next = null;
      for (String instanceId : tree(roots.get())) {
        List<Job> jobs =
            managementService
                .createJobQuery()
                .processInstanceId(instanceId)
                .messages()
                .executable()
                .listPage(0, 1);
        if (!jobs.isEmpty()) {
          next = jobs.get(0);
          break;
        }
      }
      if (next == null) {
        return;
      }
      managementService.executeJob(next.getId());
    }
    throw new AssertionError("async jobs keep coming");
  }

  /** The timers with that activity id in the trees under the roots. */
  public List<Job> timers(Collection<String> roots, String activityId) {
    List<Job> timers = new ArrayList<>();
    for (String instanceId : tree(roots)) {
      timers.addAll(
          managementService
              .createJobQuery()
              .processInstanceId(instanceId)
              .timers()
              .activityId(activityId)
              .list());
    }
    return timers;
  }

  /** The running instances of a process definition with that business key. */
  public List<String> instances(String processDefinitionKey, String businessKey) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(processDefinitionKey)
        .processInstanceBusinessKey(businessKey)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .toList();
  }

  /** The roots and, transitively, every instance they called. */
  public Set<String> tree(Collection<String> roots) {
    Deque<String> open = new ArrayDeque<>(roots);
    Set<String> tree = new LinkedHashSet<>();
    while (!open.isEmpty()) {
      String id = open.poll();
      if (tree.add(id)) {
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list().stream()
            .map(ProcessInstance::getId)
            .forEach(open::add);
      }
    }
    return tree;
  }
}
