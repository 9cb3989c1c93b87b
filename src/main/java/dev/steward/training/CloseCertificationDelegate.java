package dev.steward.training;

import static dev.steward.training.TrainingProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseCertification: the certified agents, who go on to nesting and proficiency. */
@Component
class CloseCertificationDelegate implements JavaDelegate {

  private final TrainingService training;

  CloseCertificationDelegate(TrainingService training) {
    this.training = training;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> certified = training.certifiedAgents(COHORT_ID.requiredFrom(execution));
    CERTIFIED_AGENTS.on(execution, certified);
    ANY_AGENT_CERTIFIED.on(execution, !certified.isEmpty());
  }
}
