package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PublishResults: publishes the results, opens the dispute window and the coaching. */
@Component
class PublishQaResultsDelegate implements JavaDelegate {

  private final QaCycleSteps steps;

  PublishQaResultsDelegate(QaCycleSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    QaCycleSteps.Publication publication = steps.publishResults(CYCLE_ID.requiredFrom(execution));
    DISPUTE_WINDOW_ENDS_AT.on(execution, java.util.Date.from(publication.disputeWindowEndsAt()));
    COACHING_IDS.on(execution, publication.coachingIds());
    COACHING_NEEDED.on(execution, !publication.coachingIds().isEmpty());
  }
}
