package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.VENDOR_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyContractAndKpiTargets: sets the vendor's scorecard and contract through the kpi slice.
 */
@Component
class ApplyContractAndKpiTargetsDelegate implements JavaDelegate {

  private final OnboardingService onboarding;

  ApplyContractAndKpiTargetsDelegate(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    onboarding.applyContract(
        execution.getProcessInstanceId(),
        VENDOR_ID.requiredFrom(execution),
        ContractAndTargets.from(execution));
  }
}
