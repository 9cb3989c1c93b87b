package dev.steward.escalation;

import static dev.steward.escalation.EscalationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseEscalation: confirmed by the filer, or the confirmation window expired. */
@Component
class CloseEscalationDelegate implements JavaDelegate {

  private final EscalationService escalations;

  CloseEscalationDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.close(ESCALATION_ID.requiredFrom(execution));
  }
}
