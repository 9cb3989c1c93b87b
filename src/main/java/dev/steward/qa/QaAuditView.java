package dev.steward.qa;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A sampled interaction and its audit as the API lists them; {@code comment} is the analyst's
 * feedback to the agent.
 *
 * @param drawnBy RANDOM (the uniform draw) or TOP_UP (added so the agent has minPerAgent audits)
 * @param revision 0 while open, 1 once audited, more after upheld disputes
 */
record QaAuditView(
    String id,
    String cycleId,
    String vendorId,
    String interactionId,
    String agentId,
    String channel,
    Instant interactionStartedAt,
    String drawnBy,
    String status,
    int revision,
    BigDecimal score,
    Boolean passed,
    Boolean autoFailed,
    String comment,
    String analyst,
    Instant auditedAt) {

  static QaAuditView of(QaAudit a) {
    return new QaAuditView(
        a.id(),
        a.cycleId(),
        a.vendorId(),
        a.interactionId(),
        a.agentId(),
        a.channel(),
        a.interactionStartedAt(),
        a.drawnBy(),
        a.status().name(),
        a.revision(),
        Rounded.answer(a.score()),
        a.passed(),
        a.autoFailed(),
        a.feedback(),
        a.analyst(),
        a.auditedAt());
  }
}
