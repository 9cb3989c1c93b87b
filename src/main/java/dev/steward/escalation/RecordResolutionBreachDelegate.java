package dev.steward.escalation;

import static dev.steward.escalation.EscalationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordResolutionBreach: the resolution SLA was missed. */
@Component
class RecordResolutionBreachDelegate implements JavaDelegate {

  private final EscalationService escalations;

  RecordResolutionBreachDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.recordResolutionBreach(ESCALATION_ID.requiredFrom(execution));
  }
}
