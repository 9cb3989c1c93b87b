package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordDisputeRejected: the audit stands. */
@Component
class RejectQaDisputeDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  RejectQaDisputeDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.rejectDispute(
        DISPUTE_ID.requiredFrom(execution), NOTE.from(execution), COMPLETED_BY.from(execution));
  }
}
