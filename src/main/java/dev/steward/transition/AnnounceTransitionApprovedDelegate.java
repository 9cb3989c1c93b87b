package dev.steward.transition;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the outgoing vendor's lifecycle that the transition is approved (phase TRANSITION). */
@Component
class AnnounceTransitionApprovedDelegate implements JavaDelegate {

  private final TransitionService transitions;

  AnnounceTransitionApprovedDelegate(TransitionService transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    transitions.announceApproved(TransitionProcess.TRANSITION_ID.requiredFrom(execution));
  }
}
