package dev.steward.transition;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Scores both vendors over the parallel run and hands the cut-over form the comparison. */
@Component
class CompareTransitionScorecardsDelegate implements JavaDelegate {

  private final TransitionService transitions;

  CompareTransitionScorecardsDelegate(TransitionService transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TransitionProcess.COMPARISON.on(
        execution, transitions.compare(TransitionProcess.TRANSITION_ID.requiredFrom(execution)));
  }
}
