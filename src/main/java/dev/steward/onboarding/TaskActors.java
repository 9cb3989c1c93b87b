package dev.steward.onboarding;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Who completed a user task, from the history: the task API and Tasklist both make the completer
 * the assignee. Lets the service task after a form record who filled it in, also when parallel
 * branches complete their forms in between.
 */
@Component
class TaskActors {

  private final HistoryService historyService;

  TaskActors(HistoryService historyService) {
    this.historyService = historyService;
  }

  /** The assignee of the instance's latest completed task with that key, or {@code null}. */
  String lastCompletedBy(String processInstanceId, String taskDefinitionKey) {
    List<HistoricTaskInstance> done =
        historyService
            .createHistoricTaskInstanceQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskDefinitionKey)
            .finished()
            .orderByHistoricTaskInstanceEndTime()
            .desc()
            .listPage(0, 1);
    return done.isEmpty() ? null : done.get(0).getAssignee();
  }
}
