package dev.steward.review;

import static dev.steward.review.QuarterlyReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordImprovementPlan: stores the plan and targets; the follow-up is due in 30 days. */
@Component
class RecordImprovementPlanDelegate implements JavaDelegate {

  private final ReviewService reviews;

  RecordImprovementPlanDelegate(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FOLLOW_UP_DUE_AT.on(
        execution,
        java.util.Date.from(
            reviews.recordImprovementPlan(
                REVIEW_ID.requiredFrom(execution),
                LAST_COMPLETED_BY.from(execution),
                IMPROVEMENT_PLAN.from(execution),
                IMPROVEMENT_TARGETS.from(execution))));
  }
}
