package dev.steward.training;

import static dev.steward.training.TrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordProficiency: records one agent's proficiency check and days to proficiency. */
@Component
class RecordProficiencyDelegate implements JavaDelegate {

  private final TrainingService training;

  RecordProficiencyDelegate(TrainingService training) {
    this.training = training;
  }

  @Override
  public void execute(DelegateExecution execution) {
    training.recordProficiency(
        COHORT_ID.requiredFrom(execution),
        AGENT_ID.requiredFrom(execution),
        PROFICIENT_YES.equals(PROFICIENT.requiredFrom(execution)),
        TrainingService.parseDate(PROFICIENCY_DATE.from(execution)),
        ASSESSED_BY.from(execution));
  }
}
