package dev.steward.qa;

import java.time.Instant;

/**
 * One QA cycle as stored: a vendor's month, how its sample was sized and drawn, and where it
 * stands.
 *
 * @param period the month, e.g. {@code 2026-07}
 * @param periodStart first instant of the month (UTC), inclusive
 * @param periodEnd first instant of the next month (UTC), exclusive
 * @param population handled interactions of the month, {@code null} until the sample is drawn
 * @param requiredSampleSize Cochran's n for the population
 * @param sampleSize audits drawn: n plus the top-ups for {@code minPerAgent}
 */
record QaCycle(
    String id,
    String vendorId,
    String period,
    Instant periodStart,
    Instant periodEnd,
    int confidence,
    double margin,
    int minPerAgent,
    long seed,
    double passMark,
    Long population,
    Integer requiredSampleSize,
    Integer sampleSize,
    Status status,
    String processInstanceId,
    Instant createdAt,
    String createdBy,
    Instant resultsPublishedAt,
    Instant disputeWindowEndsAt,
    Instant disputeWindowClosedAt,
    Instant closedAt) {

  /** AUDITING until every audit is done, then RESULTS_PUBLISHED, CLOSED when the process ends. */
  enum Status {
    AUDITING,
    RESULTS_PUBLISHED,
    CLOSED
  }

  boolean sampleDrawn() {
    return population != null;
  }

  /** Whether a dispute may be filed at {@code now}. */
  boolean disputeWindowOpenAt(Instant now) {
    return resultsPublishedAt != null
        && disputeWindowClosedAt == null
        && disputeWindowEndsAt != null
        && now.isBefore(disputeWindowEndsAt);
  }
}
