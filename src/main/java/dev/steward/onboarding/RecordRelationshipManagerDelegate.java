package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.RELATIONSHIP_MANAGER;
import static dev.steward.onboarding.OnboardingProcess.VENDOR_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordRelationshipManager: makes the chosen user the vendor's relationship manager. */
@Component
class RecordRelationshipManagerDelegate implements JavaDelegate {

  private final OnboardingService onboarding;

  RecordRelationshipManagerDelegate(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    onboarding.assignRelationshipManager(
        execution.getProcessInstanceId(),
        VENDOR_ID.requiredFrom(execution),
        RELATIONSHIP_MANAGER.requiredFrom(execution));
  }
}
