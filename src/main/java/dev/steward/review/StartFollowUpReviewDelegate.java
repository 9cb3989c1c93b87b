package dev.steward.review;

import static dev.steward.review.QuarterlyReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StartFollowUpReview: a follow-up review (its own instance) 30 days after the plan. */
@Component
class StartFollowUpReviewDelegate implements JavaDelegate {

  private final ReviewService reviews;

  StartFollowUpReviewDelegate(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.startFollowUp(REVIEW_ID.requiredFrom(execution));
  }
}
