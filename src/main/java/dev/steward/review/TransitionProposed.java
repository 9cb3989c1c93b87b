package dev.steward.review;

/**
 * Published by a quarterly review whose outcome is PROPOSE_TRANSITION: the transition slice starts
 * a vendor transition for the vendor (once per review).
 *
 * @param vendorId the vendor the review proposes to replace
 * @param reviewId the review that proposed it (the transition is started once per review)
 * @param reason why, as the review recorded it
 * @param proposedBy who held the review (or {@code system} for a rule)
 * @param proposedAt when
 */
public record TransitionProposed(
    String vendorId,
    String reviewId,
    String reason,
    String proposedBy,
    java.time.Instant proposedAt) {}
