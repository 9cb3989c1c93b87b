package dev.steward.transition;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts the parallel run and sets when its timer fires. */
@Component
class StartParallelRunDelegate implements JavaDelegate {

  private final TransitionService transitions;

  StartParallelRunDelegate(TransitionService transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TransitionProcess.PARALLEL_RUN_ENDS_AT.on(
        execution,
        Date.from(
            transitions.startParallelRun(TransitionProcess.TRANSITION_ID.requiredFrom(execution))));
  }
}
