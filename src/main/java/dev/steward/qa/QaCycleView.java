package dev.steward.qa;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A QA cycle as the API shows it.
 *
 * @param population handled interactions of the month (N)
 * @param requiredSampleSize Cochran's n for N at the confidence and margin
 * @param sampleSize audits drawn: n plus the top-ups that give every agent minPerAgent audits
 */
public record QaCycleView(
    String id,
    String vendorId,
    String period,
    int confidence,
    BigDecimal margin,
    int minPerAgent,
    long seed,
    BigDecimal passMark,
    Long population,
    Integer requiredSampleSize,
    Integer sampleSize,
    String status,
    String processInstanceId,
    Instant createdAt,
    String createdBy,
    Instant resultsPublishedAt,
    Instant disputeWindowEndsAt,
    boolean disputeWindowOpen,
    Instant closedAt) {

  static QaCycleView of(QaCycle c, Instant now) {
    return new QaCycleView(
        c.id(),
        c.vendorId(),
        c.period(),
        c.confidence(),
        BigDecimal.valueOf(c.margin()),
        c.minPerAgent(),
        c.seed(),
        Rounded.answer(c.passMark()),
        c.population(),
        c.requiredSampleSize(),
        c.sampleSize(),
        c.status().name(),
        c.processInstanceId(),
        c.createdAt(),
        c.createdBy(),
        c.resultsPublishedAt(),
        c.disputeWindowEndsAt(),
        c.disputeWindowOpenAt(now),
        c.closedAt());
  }
}
