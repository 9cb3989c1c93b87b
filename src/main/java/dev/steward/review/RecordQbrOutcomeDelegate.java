package dev.steward.review;

import static dev.steward.review.QuarterlyReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordQbrOutcome: the decision record, the RM's notes and the action items as risk items
 * (422 for invalid ones: it runs in the RM's completion).
 */
@Component
class RecordQbrOutcomeDelegate implements JavaDelegate {

  private final ReviewService reviews;

  RecordQbrOutcomeDelegate(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ACTION_ITEM_IDS.on(
        execution,
        reviews.recordQbr(
            REVIEW_ID.requiredFrom(execution),
            LAST_COMPLETED_BY.from(execution),
            QBR_NOTES.from(execution),
            ACTION_ITEMS.from(execution),
            execution.getProcessInstanceId(),
            LAST_TASK_ID.from(execution)));
  }
}
