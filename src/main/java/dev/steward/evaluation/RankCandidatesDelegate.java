package dev.steward.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ranks the candidates and hands the executive's form the ranking and its options. */
@Component
class RankCandidatesDelegate implements JavaDelegate {

  private final EvaluationService evaluations;

  RankCandidatesDelegate(EvaluationService evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EvaluationService.Ranking ranking =
        evaluations.rank(EvaluationProcess.ROUND_ID.requiredFrom(execution));
    EvaluationProcess.RANKING_SUMMARY.on(execution, ranking.summary());
    EvaluationProcess.CANDIDATE_OPTIONS.on(execution, ranking.options());
  }
}
