package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.ESCALATION_PATH;
import static dev.steward.onboarding.OnboardingProcess.REPORTING_CADENCE;
import static dev.steward.onboarding.OnboardingProcess.SYNC_CADENCE;
import static dev.steward.onboarding.OnboardingProcess.VENDOR_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordGroundRules: stores the sync and reporting cadence and the escalation path. */
@Component
class RecordGroundRulesDelegate implements JavaDelegate {

  private final OnboardingService onboarding;

  RecordGroundRulesDelegate(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    onboarding.recordGroundRules(
        execution.getProcessInstanceId(),
        VENDOR_ID.requiredFrom(execution),
        SYNC_CADENCE.requiredFrom(execution),
        REPORTING_CADENCE.requiredFrom(execution),
        ESCALATION_PATH.requiredFrom(execution));
  }
}
