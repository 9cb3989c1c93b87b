package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.APPROVED_AGENTS;
import static dev.steward.onboarding.OnboardingProcess.VENDOR_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordOnboardingComplete: marks the onboarding complete and sets {@code approvedAgents}, the
 * output the vendor lifecycle hands to training.
 */
@Component
class RecordOnboardingCompleteDelegate implements JavaDelegate {

  private final OnboardingService onboarding;

  RecordOnboardingCompleteDelegate(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    APPROVED_AGENTS.on(
        execution,
        onboarding.complete(execution.getProcessInstanceId(), VENDOR_ID.requiredFrom(execution)));
  }
}
