package dev.steward.review;

import static dev.steward.review.QuarterlyReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseActionItem: the owner completed the action item, so its risk item is DONE. */
@Component
class CloseActionItemDelegate implements JavaDelegate {

  private final ReviewService reviews;

  CloseActionItemDelegate(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.closeActionItem(
        ACTION_ITEM_ID.requiredFrom(execution), ACTION_ITEM_OWNER.from(execution));
  }
}
