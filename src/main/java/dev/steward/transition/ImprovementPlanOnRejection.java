package dev.steward.transition;

import dev.steward.review.ReviewService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * "A rejection returns to an improvement plan" (issue 6): when the executives reject a transition,
 * the vendor's quarterly-review slice starts an improvement plan (the RM agrees it, a follow-up
 * review runs 30 days later). Synchronous, so the plan starts in the transaction that closes the
 * rejected transition, or neither happens.
 */
@Component
class ImprovementPlanOnRejection {

  private final ReviewService reviews;
  private final TransitionStore store;

  ImprovementPlanOnRejection(ReviewService reviews, TransitionStore store) {
    this.reviews = reviews;
    this.store = store;
  }

  /** Once per transition: a repeated event (a job run twice) starts no second plan. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(TransitionRejected rejected) {
    if (!store.claimImprovementPlan(rejected.transitionId())) {
      return;
    }
    String reviewId =
        reviews.startImprovementPlan(
            rejected.vendorId(),
            "Transition " + rejected.transitionId() + " rejected: " + rejected.reason(),
            rejected.rejectedBy());
    store.improvementPlanStarted(rejected.transitionId(), reviewId);
  }
}
