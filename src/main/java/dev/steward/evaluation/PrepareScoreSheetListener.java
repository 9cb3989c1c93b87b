package dev.steward.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of each evaluator's scoring task: prefills the form's dynamic list with one item
 * per candidate and rated criterion, as a <em>local</em> variable of that evaluator's instance. The
 * submitted list then lands in the same local variable, so no evaluator's ratings ever become a
 * process variable the others could read.
 */
@Component
class PrepareScoreSheetListener implements TaskListener {

  private final EvaluationService evaluations;

  PrepareScoreSheetListener(EvaluationService evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void notify(DelegateTask task) {
    String roundId = EvaluationProcess.ROUND_ID.requiredFrom(task.getExecution());
    task.getExecution()
        .setVariableLocal(
            EvaluationProcess.SCORES.name(),
            EvaluationProcess.SCORES.engineValue(evaluations.scoreSheet(roundId)));
  }
}
