package dev.steward.transition;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The cut-over: the outgoing vendor's lifecycle offboards it; its lead accounts are recorded. */
@Component
class CutOverTransitionDelegate implements JavaDelegate {

  private final TransitionService transitions;

  CutOverTransitionDelegate(TransitionService transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    transitions.cutOver(TransitionProcess.TRANSITION_ID.requiredFrom(execution));
  }
}
