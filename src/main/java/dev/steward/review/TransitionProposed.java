package dev.steward.review;

import java.time.Instant;

/**
 * Published synchronously, in the transaction of {@code Task_ProposeTransition}, when a QBR's
 * outcome is PROPOSE_TRANSITION: the vendor transition slice listens and starts its process. If the
 * transition is rejected, that slice calls {@link ReviewService#startImprovementPlan}.
 *
 * @param reason why: the review's period, total, previous total and the RM's notes
 * @param proposedBy the RM who held the QBR
 */
public record TransitionProposed(
    String vendorId, String reviewId, String reason, String proposedBy, Instant proposedAt) {}
