package dev.steward.transition;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the RM's completion of a review's proposal (successor or new evaluation, parallel-run
 * length). Synchronous with the task on purpose: invalid data refuses the completion (422).
 */
@Component
class StoreTransitionProposalDelegate implements JavaDelegate {

  private final TransitionService transitions;

  StoreTransitionProposalDelegate(TransitionService transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TransitionService.Proposal proposal =
        transitions.completeProposal(
            TransitionProcess.TRANSITION_ID.requiredFrom(execution),
            TransitionProcess.SUCCESSOR_VENDOR_CODE.from(execution),
            TransitionProcess.NEW_EVALUATION.from(execution),
            TransitionProcess.PARALLEL_RUN_DAYS.from(execution),
            TransitionProcess.LAST_COMPLETED_BY.from(execution));
    TransitionProcess.HAS_SUCCESSOR.on(execution, proposal.hasSuccessor());
    TransitionProcess.PROPOSAL.on(execution, proposal.text());
  }
}
