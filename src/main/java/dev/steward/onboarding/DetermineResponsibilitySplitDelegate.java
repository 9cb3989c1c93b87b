package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_DetermineResponsibilitySplit: evaluates the split for the vendor's involvement level and
 * sets the candidate group of each responsibility's tasks.
 */
@Component
class DetermineResponsibilitySplitDelegate implements JavaDelegate {

  private final OnboardingService onboarding;

  DetermineResponsibilitySplitDelegate(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ResponsibilitySplit split =
        onboarding.determineSplit(
            execution.getProcessInstanceId(), VENDOR_ID.requiredFrom(execution));
    INVOLVEMENT.on(execution, split.involvement().name());
    RECRUITING_GROUP.on(execution, split.group(Responsibility.RECRUITING));
    ONBOARDING_SESSIONS_GROUP.on(execution, split.group(Responsibility.ONBOARDING_SESSIONS));
    TRAINING_GROUP.on(execution, split.group(Responsibility.TRAINING));
    COACHING_GROUP.on(execution, split.group(Responsibility.COACHING));
    QA_GROUP.on(execution, split.group(Responsibility.QA));
    VETTING_GROUP.on(execution, split.group(Responsibility.TRAINING));
  }
}
