package dev.steward.review;

import static dev.steward.review.QuarterlyReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ProposeTransition: publishes TransitionProposed for the vendor transition slice. */
@Component
class ProposeTransitionDelegate implements JavaDelegate {

  private final ReviewService reviews;

  ProposeTransitionDelegate(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.proposeTransition(REVIEW_ID.requiredFrom(execution));
  }
}
