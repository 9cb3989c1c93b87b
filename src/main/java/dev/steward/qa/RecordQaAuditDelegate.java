package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordAudit: scores and stores the analyst's audit in the completion's transaction; invalid
 * ratings throw InvalidDataException, so the completion rolls back and the task API answers 422.
 */
@Component
class RecordQaAuditDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  RecordQaAuditDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.recordAudit(
        AUDIT_ID.requiredFrom(execution),
        execution.getVariable(RATINGS.name()),
        COMMENT.from(execution),
        COMPLETED_BY.from(execution));
  }
}
