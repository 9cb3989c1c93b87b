package dev.steward.transition;

import java.time.Instant;

/**
 * Published when an executive rejects a proposed transition: the vendor stays and goes back to an
 * improvement plan (the review slice may act on it). Published synchronously, inside the
 * rejection's transaction.
 *
 * @param vendorId the vendor that was proposed for replacement
 * @param transitionId the rejected transition
 * @param reason the executive's reason
 * @param rejectedBy the executive
 * @param rejectedAt when
 */
public record TransitionRejected(
    String vendorId, String transitionId, String reason, String rejectedBy, Instant rejectedAt) {}
