package dev.steward.review;

import static dev.steward.review.QuarterlyReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_AssembleFacts: the period's facts and the outcome table's answer (creates the review when
 * the lifecycle started the process).
 */
@Component
class AssembleReviewFactsDelegate implements JavaDelegate {

  private final ReviewService reviews;

  AssembleReviewFactsDelegate(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewService.Assembled assembled =
        reviews.assemble(
            REVIEW_ID.from(execution),
            VENDOR_ID.requiredFrom(execution),
            execution.getProcessInstanceId());
    REVIEW_ID.on(execution, assembled.reviewId());
    OUTCOME.on(execution, assembled.outcome());
    QBR_FACTS.on(execution, assembled.summary());
    RELATIONSHIP_MANAGER.on(execution, assembled.relationshipManager());
  }
}
