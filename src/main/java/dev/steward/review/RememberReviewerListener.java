package dev.steward.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener on the RM's tasks (hold QBR, recognize, agree plan): remembers who completed
 * the task and its id, for the decision record and the notices.
 */
@Component
class RememberReviewerListener implements TaskListener {

  private final IdentityService identityService;

  RememberReviewerListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String completer = task.getAssignee();
    if (completer == null) {
      Authentication current = identityService.getCurrentAuthentication();
      completer = current == null ? null : current.getUserId();
    }
    QuarterlyReviewProcess.LAST_COMPLETED_BY.on(task.getExecution(), completer);
    QuarterlyReviewProcess.LAST_TASK_ID.on(task.getExecution(), task.getId());
  }
}
