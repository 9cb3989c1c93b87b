package dev.steward.transition;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the cut-over decision with the comparison the executive saw; "not yet" moves the parallel
 * run's end (the timer then waits again). Synchronous with the task: a missing extension refuses
 * the completion (422).
 */
@Component
class RecordCutOverDecisionDelegate implements JavaDelegate {

  private final TransitionService transitions;

  RecordCutOverDecisionDelegate(TransitionService transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<Instant> extendedTo =
        transitions.recordCutOverDecision(
            TransitionProcess.TRANSITION_ID.requiredFrom(execution),
            TransitionProcess.CUT_OVER_DECISION.requiredFrom(execution),
            TransitionProcess.CUT_OVER_REASON.from(execution),
            TransitionProcess.EXTENSION_DAYS.from(execution),
            TransitionProcess.LAST_COMPLETED_BY.from(execution),
            TransitionProcess.COMPARISON.from(execution),
            execution.getProcessInstanceId(),
            TransitionProcess.LAST_TASK_ID.from(execution));
    extendedTo.ifPresent(
        end -> TransitionProcess.PARALLEL_RUN_ENDS_AT.on(execution, Date.from(end)));
  }
}
