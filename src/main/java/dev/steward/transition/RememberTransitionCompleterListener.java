package dev.steward.transition;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on every user task: remembers who completed it (its assignee: the task API and
 * Tasklist both claim before completing) and which task it was, so the next step records both.
 */
@Component
class RememberTransitionCompleterListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TransitionProcess.LAST_COMPLETED_BY.on(task.getExecution(), task.getAssignee());
    TransitionProcess.LAST_TASK_ID.on(task.getExecution(), task.getId());
  }
}
