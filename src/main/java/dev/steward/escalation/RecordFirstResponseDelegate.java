package dev.steward.escalation;

import static dev.steward.escalation.EscalationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordFirstResponse: stores the first response and who gave it. */
@Component
class RecordFirstResponseDelegate implements JavaDelegate {

  private final EscalationService escalations;

  RecordFirstResponseDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.recordFirstResponse(
        ESCALATION_ID.requiredFrom(execution),
        LAST_COMPLETED_BY.from(execution),
        RESPONSE.from(execution));
  }
}
