package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RescoreAudit: the dispute is upheld; the audit is re-scored with the ratings of the arbiter
 * (invalid ones answer 422 and roll the completion back).
 */
@Component
class RescoreQaAuditDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  RescoreQaAuditDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.upholdDispute(
        DISPUTE_ID.requiredFrom(execution),
        execution.getVariable(RATINGS.name()),
        NOTE.from(execution),
        COMPLETED_BY.from(execution));
  }
}
