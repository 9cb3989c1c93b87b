package dev.steward.qa;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener on the audit, coaching and arbitration tasks: remembers who completed the task
 * (its assignee; the task API and Tasklist claim before completing) in the task's own scope, so the
 * next service task records who audited, coached or decided.
 */
@Component
class RememberQaCompleterListener implements TaskListener {

  private final IdentityService identityService;

  RememberQaCompleterListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String completer = task.getAssignee();
    if (completer == null) {
      Authentication current = identityService.getCurrentAuthentication();
      completer = current == null ? null : current.getUserId();
    }
    task.getExecution().setVariableLocal(QaCycleProcess.COMPLETED_BY.name(), completer);
  }
}
