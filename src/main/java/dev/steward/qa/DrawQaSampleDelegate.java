package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_DrawSample: opens the cycle with the defaults if the process got only a vendor, and draws
 * its sample once.
 */
@Component
class DrawQaSampleDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  DrawQaSampleDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    QaCycleSteps.Sampled sampled =
        steps.drawSample(
            CYCLE_ID.from(execution),
            VENDOR_ID.requiredFrom(execution),
            execution.getProcessInstanceId());
    CYCLE_ID.on(execution, sampled.cycleId());
    AUDIT_IDS.on(execution, sampled.auditIds());
    RELATIONSHIP_MANAGER.on(execution, sampled.relationshipManager());
  }
}
