package dev.steward.transition;

import dev.steward.review.ReviewService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "A rejection returns to an improvement plan" (issue 6): when the executives reject a transition,
 * the vendor's quarterly-review slice starts an improvement plan (the RM agrees it, a follow-up
 * review runs 30 days later). Synchronous, so the plan starts in the transaction that closes the
 * rejected transition, or neither happens.
 */
@Component
class ImprovementPlanOnRejection {

  private final ReviewService reviews;

  ImprovementPlanOnRejection(ReviewService reviews) {
    this.reviews = reviews;
  }

  @EventListener
  void on(TransitionRejected rejected) {
    reviews.startImprovementPlan(
        rejected.vendorId(),
        "Transition " + rejected.transitionId() + " rejected: " + rejected.reason(),
        rejected.rejectedBy());
  }
}
