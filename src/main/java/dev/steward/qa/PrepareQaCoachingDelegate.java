package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PrepareCoaching: what the lead coaches, local to this coaching. */
@Component
class PrepareQaCoachingDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  PrepareQaCoachingDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    QaCycleSteps.CoachingForm form = steps.coachingForm(COACHING_ID.requiredFrom(execution));
    execution.setVariableLocal(AGENT_ID.name(), form.agentId());
    execution.setVariableLocal(COACHING_BRIEF.name(), form.brief());
    execution.setVariableLocal(NOTE.name(), null);
    execution.setVariableLocal(COMPLETED_BY.name(), null);
  }
}
