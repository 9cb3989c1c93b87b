package dev.steward.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the executive's selection: refuses the completion with 422 when it names a vendor
 * that is not a candidate of the round (see {@link CloseBiddingListener} for why an execution
 * listener). Nothing happens when the task is cancelled.
 */
@Component
class CheckSelectionListener implements ExecutionListener {

  private final EvaluationService evaluations;

  CheckSelectionListener(EvaluationService evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    evaluations.checkSelection(
        EvaluationProcess.ROUND_ID.requiredFrom(execution),
        EvaluationProcess.SELECTED_VENDOR_CODES.from(execution));
  }
}
