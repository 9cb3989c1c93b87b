package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordVettingDecision: records one candidate's interview: approved or rejected, and why. */
@Component
class RecordVettingDecisionDelegate implements JavaDelegate {

  private final OnboardingService onboarding;

  RecordVettingDecisionDelegate(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    onboarding.recordVettingDecision(
        execution.getProcessInstanceId(),
        VENDOR_ID.requiredFrom(execution),
        CANDIDATE_ID.requiredFrom(execution),
        VETTING_DECISION.requiredFrom(execution),
        VETTING_NOTE.requiredFrom(execution),
        INTERVIEWED_BY.from(execution));
  }
}
