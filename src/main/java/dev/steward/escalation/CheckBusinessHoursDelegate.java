package dev.steward.escalation;

import static dev.steward.escalation.EscalationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckBusinessHours: routes to the RM within the brand's business hours, else to on-call. */
@Component
class CheckBusinessHoursDelegate implements JavaDelegate {

  private final EscalationService escalations;

  CheckBusinessHoursDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WITHIN_BUSINESS_HOURS.on(
        execution, escalations.routeByBusinessHours(ESCALATION_ID.requiredFrom(execution)));
  }
}
