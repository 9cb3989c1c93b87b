package dev.steward.training;

import static dev.steward.training.TrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The variables both opening delegates set from an opened cohort. */
final class OpenedVariables {

  private OpenedVariables() {}

  static void set(DelegateExecution execution, TrainingService.Opened cohort) {
    COHORT_ID.on(execution, cohort.cohortId());
    COHORT_KIND.on(execution, cohort.kind().name());
    AGENTS.on(execution, cohort.agents());
    if (cohort.nestingPeriod() != null) {
      NESTING_PERIOD.on(execution, cohort.nestingPeriod());
    }
    COHORT_STARTED_ON.on(execution, cohort.startedOn().toString());
    VENDOR_TIME_ZONE.on(execution, cohort.vendorTimeZone().getId());
    TRAINING_GROUP.on(execution, cohort.trainingGroup());
    COACHING_GROUP.on(execution, cohort.coachingGroup());
  }
}
