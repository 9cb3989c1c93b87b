package dev.steward.transition;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on both executive approvals (four-eyes): the proposer may not decide, and the
 * second decision must come from another executive than the first. A refusal is a {@code
 * ConflictException}: the task API answers 409 and the task stays open for another executive.
 */
@Component
class CheckTransitionApproverListener implements TaskListener {

  private final TransitionService transitions;

  CheckTransitionApproverListener(TransitionService transitions) {
    this.transitions = transitions;
  }

  @Override
  public void notify(DelegateTask task) {
    transitions.checkApprover(
        TransitionProcess.TRANSITION_ID.requiredFrom(task),
        Integer.parseInt(TransitionProcess.APPROVAL_STEP.requiredFrom(task)),
        task.getAssignee());
  }
}
