package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseDisputeWindow: the window timer fired, so no more disputes. */
@Component
class CloseQaDisputeWindowDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  CloseQaDisputeWindowDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.closeDisputeWindow(CYCLE_ID.requiredFrom(execution));
  }
}
