package dev.steward.transition;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the successor the RM named after a new evaluation. Synchronous with the task: an unknown
 * or ended vendor refuses the completion (422).
 */
@Component
class StoreTransitionSuccessorDelegate implements JavaDelegate {

  private final TransitionService transitions;

  StoreTransitionSuccessorDelegate(TransitionService transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    transitions.nameSuccessor(
        TransitionProcess.TRANSITION_ID.requiredFrom(execution),
        TransitionProcess.SUCCESSOR_VENDOR_CODE.from(execution),
        TransitionProcess.LAST_COMPLETED_BY.from(execution));
    TransitionProcess.HAS_SUCCESSOR.on(execution, true);
  }
}
