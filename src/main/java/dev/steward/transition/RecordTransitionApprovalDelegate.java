package dev.steward.transition;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records an executive's approval or rejection (the step is the task's input parameter {@code
 * approvalStep}) with the proposal they saw, in the completion's transaction, and sets the outcome
 * the next gateway reads.
 */
@Component
class RecordTransitionApprovalDelegate implements JavaDelegate {

  private final TransitionService transitions;

  RecordTransitionApprovalDelegate(TransitionService transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome =
        transitions.recordApproval(
            TransitionProcess.TRANSITION_ID.requiredFrom(execution),
            Integer.parseInt(TransitionProcess.APPROVAL_STEP.requiredFrom(execution)),
            TransitionProcess.APPROVAL_DECISION.requiredFrom(execution),
            TransitionProcess.APPROVAL_REASON.from(execution),
            TransitionProcess.LAST_COMPLETED_BY.from(execution),
            TransitionProcess.PROPOSAL.from(execution),
            execution.getProcessInstanceId(),
            TransitionProcess.LAST_TASK_ID.from(execution));
    TransitionProcess.APPROVAL_OUTCOME.on(execution, outcome);
  }
}
