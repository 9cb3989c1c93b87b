package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AwardPoints: recognition points for every passed audit, once. */
@Component
class AwardQaPointsDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  AwardQaPointsDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.awardPoints(CYCLE_ID.requiredFrom(execution));
  }
}
