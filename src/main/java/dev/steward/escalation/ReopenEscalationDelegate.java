package dev.steward.escalation;

import static dev.steward.escalation.EscalationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReopenEscalation: the filer rejected the resolution. */
@Component
class ReopenEscalationDelegate implements JavaDelegate {

  private final EscalationService escalations;

  ReopenEscalationDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.reopen(ESCALATION_ID.requiredFrom(execution), FEEDBACK.from(execution));
  }
}
