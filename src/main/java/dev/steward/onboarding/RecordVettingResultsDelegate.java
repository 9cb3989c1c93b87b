package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordVettingResults: the approved and rejected agents after a round of interviews; when
 * none is approved, the recruiting owner proposes others.
 */
@Component
class RecordVettingResultsDelegate implements JavaDelegate {

  private final OnboardingService onboarding;

  RecordVettingResultsDelegate(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OnboardingService.VettingResults results =
        onboarding.vettingResults(execution.getProcessInstanceId());
    APPROVED_AGENTS.on(execution, results.approved());
    REJECTED_AGENTS.on(execution, results.rejected());
    ANY_CANDIDATE_APPROVED.on(execution, !results.approved().isEmpty());
  }
}
