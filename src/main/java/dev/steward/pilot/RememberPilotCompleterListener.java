package dev.steward.pilot;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on the plan and the go/no-go: remembers who completed the task (its assignee:
 * the task API and Tasklist both claim before completing), so the next step records who did it.
 */
@Component
class RememberPilotCompleterListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    PilotProcess.LAST_COMPLETED_BY.on(task.getExecution(), task.getAssignee());
  }
}
