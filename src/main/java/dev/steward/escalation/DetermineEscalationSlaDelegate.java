package dev.steward.escalation;

import static dev.steward.escalation.EscalationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_DetermineResponseSla: evaluates the SLA table and sets the due dates the timers wait for.
 */
@Component
class DetermineEscalationSlaDelegate implements JavaDelegate {

  private final EscalationService escalations;

  DetermineEscalationSlaDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SlaDates dates =
        escalations.determineSla(
            ESCALATION_ID.requiredFrom(execution), SEVERITY.requiredFrom(execution));
    RESPONSE_DUE_AT.on(execution, EscalationService.date(dates.responseDueAt()));
    RESPONSE_REMINDER_AT.on(execution, EscalationService.date(dates.reminderAt()));
    RESOLUTION_DUE_AT.on(execution, EscalationService.date(dates.resolutionDueAt()));
  }
}
