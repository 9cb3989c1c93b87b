package dev.steward.onboarding;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on Task_AgreeContractAndKpiTargets: refuses terms the form cannot check itself
 * (decimal places, whole seconds, targets on the wrong side of their zero point, targets given
 * while the defaults are kept). The task API answers 422 naming the field.
 */
@Component
class CheckContractTermsListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = ContractAndTargets.from(task).problems();
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The contract and KPI targets are invalid", errors);
    }
  }
}
