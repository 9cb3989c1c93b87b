package dev.steward.review;

import dev.steward.risk.RiskItemClosed;
import dev.steward.risk.RiskSource;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A QBR action item closed in the risk log (PATCH to DONE or CANCELLED) completes its open task in
 * the review, in the same transaction; the task's own close step then finds the item closed and
 * changes nothing.
 */
@Component
class ActionItemClosedListener {

  private final TaskService taskService;

  ActionItemClosedListener(TaskService taskService) {
    this.taskService = taskService;
  }

  @EventListener
  void on(RiskItemClosed event) {
    if (event.source() != RiskSource.QBR_ACTION) {
      return;
    }
    for (Task task :
        taskService
            .createTaskQuery()
            .taskDefinitionKey(QuarterlyReviewProcess.Elements.COMPLETE_ACTION_ITEM)
            .taskVariableValueEquals(
                QuarterlyReviewProcess.ACTION_ITEM_ID.name(), event.riskItemId())
            .list()) {
      taskService.complete(task.getId());
    }
  }
}
