package dev.steward.review;

import static dev.steward.review.QuarterlyReviewProcess.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of each action item's subprocess instance: its owner (the task's assignee), title
 * and reminder time (09:00 UTC on the due date), as variables local to that instance.
 */
@Component
class OpenActionItemListener implements ExecutionListener {

  private final ReviewService reviews;

  OpenActionItemListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ReviewService.ActionItemTask item =
        reviews.actionItemTask(ACTION_ITEM_ID.requiredFrom(execution));
    execution.setVariableLocal(ACTION_ITEM_OWNER.name(), item.owner());
    execution.setVariableLocal(ACTION_ITEM_TITLE.name(), item.title());
    execution.setVariableLocal(ACTION_ITEM_DUE_AT.name(), Date.from(item.remindAt()));
  }
}
