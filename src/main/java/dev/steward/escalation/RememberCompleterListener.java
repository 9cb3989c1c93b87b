package dev.steward.escalation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener on the triage and resolution tasks: remembers who completed the task (its
 * assignee: the task API and Tasklist both claim before completing), so the next service task can
 * record who answered.
 */
@Component
class RememberCompleterListener implements TaskListener {

  private final IdentityService identityService;

  RememberCompleterListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String completer = task.getAssignee();
    if (completer == null) {
      Authentication current = identityService.getCurrentAuthentication();
      completer = current == null ? null : current.getUserId();
    }
    EscalationProcess.LAST_COMPLETED_BY.on(task.getExecution(), completer);
  }
}
