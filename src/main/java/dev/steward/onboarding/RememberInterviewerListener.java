package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.INTERVIEWED_BY;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener on Task_InterviewCandidate: remembers who interviewed (the assignee: the task
 * API and Tasklist claim before completing) in the interview's own scope, for the decision record.
 */
@Component
class RememberInterviewerListener implements TaskListener {

  private final IdentityService identityService;

  RememberInterviewerListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String interviewer = task.getAssignee();
    if (interviewer == null) {
      Authentication current = identityService.getCurrentAuthentication();
      interviewer = current == null ? null : current.getUserId();
    }
    INTERVIEWED_BY.on(task.getExecution(), interviewer);
  }
}
