package dev.steward.bulletin;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on the acknowledgment: remembers who completed it (its assignee: the task API
 * and Tasklist both claim before completing), so the next step records who acknowledged.
 */
@Component
class RememberAcknowledgerListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    BulletinProcess.ACKNOWLEDGED_BY.on(task.getExecution(), task.getAssignee());
  }
}
