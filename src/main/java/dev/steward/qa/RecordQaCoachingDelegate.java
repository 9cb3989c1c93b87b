package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordCoaching: stores the coaching note of the BPO lead. */
@Component
class RecordQaCoachingDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  RecordQaCoachingDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.recordCoaching(
        COACHING_ID.requiredFrom(execution), NOTE.from(execution), COMPLETED_BY.from(execution));
  }
}
