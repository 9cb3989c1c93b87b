package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseCycle: coaching is done and the dispute window has closed. */
@Component
class CloseQaCycleDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  CloseQaCycleDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.closeCycle(CYCLE_ID.requiredFrom(execution));
  }
}
