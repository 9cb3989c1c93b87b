package dev.steward.escalation;

import static dev.steward.escalation.EscalationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordResolution: stores the resolution and its root cause. */
@Component
class RecordResolutionDelegate implements JavaDelegate {

  private final EscalationService escalations;

  RecordResolutionDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.recordResolution(
        ESCALATION_ID.requiredFrom(execution),
        LAST_COMPLETED_BY.from(execution),
        RESOLUTION.from(execution),
        ROOT_CAUSE.from(execution),
        ROOT_CAUSE_DETAIL.from(execution));
  }
}
