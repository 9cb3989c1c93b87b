package dev.steward.escalation;

import static dev.steward.escalation.EscalationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendResponseReminder: the first response is due soon (75 % of the response time has passed).
 */
@Component
class SendResponseReminderDelegate implements JavaDelegate {

  private final EscalationService escalations;

  SendResponseReminderDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.recordReminder(ESCALATION_ID.requiredFrom(execution));
  }
}
