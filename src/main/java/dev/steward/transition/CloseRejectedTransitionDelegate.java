package dev.steward.transition;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends a rejected transition: publishes {@link TransitionRejected} (back to improvement). */
@Component
class CloseRejectedTransitionDelegate implements JavaDelegate {

  private final TransitionService transitions;

  CloseRejectedTransitionDelegate(TransitionService transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    transitions.closeRejected(TransitionProcess.TRANSITION_ID.requiredFrom(execution));
  }
}
