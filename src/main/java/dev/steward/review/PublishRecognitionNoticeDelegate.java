package dev.steward.review;

import static dev.steward.review.QuarterlyReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PublishRecognitionNotice: the vendor's team sees the RM's recognition message. */
@Component
class PublishRecognitionNoticeDelegate implements JavaDelegate {

  private final ReviewService reviews;

  PublishRecognitionNoticeDelegate(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.publishRecognition(
        REVIEW_ID.requiredFrom(execution),
        LAST_COMPLETED_BY.from(execution),
        RECOGNITION_MESSAGE.from(execution));
  }
}
