package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PrepareAudit: the audit form's categories and what the analyst reads, local to this audit,
 * so parallel audits never share a variable.
 */
@Component
class PrepareQaAuditDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  PrepareQaAuditDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    QaCycleSteps.AuditForm form = steps.auditForm(AUDIT_ID.requiredFrom(execution));
    execution.setVariableLocal(RATINGS.name(), RATINGS.engineValue(form.ratings()));
    execution.setVariableLocal(AUDIT_BRIEF.name(), form.brief());
    execution.setVariableLocal(COMMENT.name(), null);
    execution.setVariableLocal(COMPLETED_BY.name(), null);
  }
}
