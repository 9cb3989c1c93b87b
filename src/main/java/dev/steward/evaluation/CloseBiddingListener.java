package dev.steward.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the bid confirmation: closes the bids, or refuses the completion with 422 naming
 * the vendors whose bid is missing. An execution listener rather than a task listener because the
 * engine passes a listener's exception through unchanged only here (a task listener's is wrapped),
 * so the task API answers 422, not 500. Nothing happens when the task is cancelled.
 */
@Component
class CloseBiddingListener implements ExecutionListener {

  private final EvaluationService evaluations;

  CloseBiddingListener(EvaluationService evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    evaluations.closeBidding(
        EvaluationProcess.ROUND_ID.requiredFrom(execution),
        EvaluationProcess.LAST_COMPLETED_BY.from(execution));
  }
}
