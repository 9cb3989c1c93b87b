package dev.steward.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the executive's selection and tells each candidate's lifecycle whether it goes to a
 * pilot, in one transaction. A retried job finds the selection recorded and notifies nobody twice.
 */
@Component
class RecordSelectionDelegate implements JavaDelegate {

  private final EvaluationService evaluations;
  private final LifecycleMessages lifecycle;

  RecordSelectionDelegate(EvaluationService evaluations, LifecycleMessages lifecycle) {
    this.evaluations = evaluations;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String roundId = EvaluationProcess.ROUND_ID.requiredFrom(execution);
    String reason = EvaluationProcess.SELECTION_REASON.from(execution);
    evaluations
        .recordSelection(
            roundId,
            EvaluationProcess.SELECTED_VENDOR_CODES.from(execution),
            reason,
            EvaluationProcess.LAST_COMPLETED_BY.from(execution))
        .ifPresent(selection -> lifecycle.tell(roundId, selection, reason));
  }
}
