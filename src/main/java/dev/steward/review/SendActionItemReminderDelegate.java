package dev.steward.review;

import static dev.steward.review.QuarterlyReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendActionItemReminder: the action item is due; the reminder is recorded once. */
@Component
class SendActionItemReminderDelegate implements JavaDelegate {

  private final ReviewService reviews;

  SendActionItemReminderDelegate(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.remindActionItem(ACTION_ITEM_ID.requiredFrom(execution));
  }
}
