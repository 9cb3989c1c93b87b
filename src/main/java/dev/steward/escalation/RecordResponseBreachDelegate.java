package dev.steward.escalation;

import static dev.steward.escalation.EscalationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordResponseBreach: the response SLA was missed; record it and move up a tier. */
@Component
class RecordResponseBreachDelegate implements JavaDelegate {

  private final EscalationService escalations;

  RecordResponseBreachDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.recordResponseBreach(ESCALATION_ID.requiredFrom(execution));
  }
}
