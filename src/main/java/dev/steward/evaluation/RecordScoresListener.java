package dev.steward.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of each evaluator's scoring task: stores the submitted score sheet in the evaluation
 * tables, or refuses the completion with 422 naming every missing or invalid rating (see {@link
 * CloseBiddingListener} for why an execution listener). Nothing happens when the task is cancelled.
 */
@Component
class RecordScoresListener implements ExecutionListener {

  private final EvaluationService evaluations;

  RecordScoresListener(EvaluationService evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    evaluations.recordScores(
        EvaluationProcess.ROUND_ID.requiredFrom(execution),
        EvaluationProcess.EVALUATOR.requiredFrom(execution),
        EvaluationProcess.SCORES.from(execution));
  }
}
