package dev.steward.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on the bid confirmation and the selection: remembers who completed the task
 * (its assignee: the task API and Tasklist both claim before completing), so the next step can
 * record who did it.
 */
@Component
class RememberEvaluationCompleterListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    EvaluationProcess.LAST_COMPLETED_BY.on(task.getExecution(), task.getAssignee());
  }
}
