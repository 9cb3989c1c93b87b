package dev.steward.training;

import static dev.steward.training.TrainingProcess.ASSESSED_BY;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener on the certification and proficiency tasks: remembers who assessed the agent
 * (the assignee: the task API and Tasklist claim before completing) in that agent's own scope.
 */
@Component
class RememberAssessorListener implements TaskListener {

  private final IdentityService identityService;

  RememberAssessorListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String assessor = task.getAssignee();
    if (assessor == null) {
      Authentication current = identityService.getCurrentAuthentication();
      assessor = current == null ? null : current.getUserId();
    }
    ASSESSED_BY.on(task.getExecution(), assessor);
  }
}
