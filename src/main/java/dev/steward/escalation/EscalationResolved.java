package dev.steward.escalation;

import java.time.Instant;

/**
 * Published synchronously in the transaction that records an escalation's resolution with its root
 * cause (each time it is resolved, e.g. again after a reopen): the risk log turns it into an item.
 *
 * @param severity P1..P4
 * @param rootCause a {@link RootCause} name
 */
public record EscalationResolved(
    String escalationId,
    String vendorId,
    String severity,
    String title,
    String resolution,
    String rootCause,
    String rootCauseDetail,
    String resolvedBy,
    Instant resolvedAt) {}
