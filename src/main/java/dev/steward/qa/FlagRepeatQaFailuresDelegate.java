package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_FlagRepeatFailures: agents below the pass mark in two consecutive cycles go to refresher
 * training.
 */
@Component
class FlagRepeatQaFailuresDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  FlagRepeatQaFailuresDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.flagRepeatFailures(CYCLE_ID.requiredFrom(execution));
  }
}
