package dev.steward.qa;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One QA cycle with its scorecard, results, coaching and flags ({@code GET /api/qa-cycles/{id}}).
 *
 * @param flaggedAgents agents below the pass mark in this and the vendor's previous cycle, sent to
 *     refresher training
 */
record QaCycleDetail(
    @JsonUnwrapped QaCycleView cycle,
    List<Category> categories,
    QaResultsView results,
    List<Coaching> coaching,
    List<String> flaggedAgents) {

  /** A category of the scorecard the cycle is audited with. */
  record Category(String key, String name, int weight, int min, int max, boolean critical) {
    static Category of(QaCategory c) {
      return new Category(c.key(), c.name(), c.weight(), c.min(), c.max(), c.critical());
    }
  }

  /** Coaching of an agent below the pass mark, by the vendor's BPO lead. */
  record Coaching(
      String id,
      String agentId,
      BigDecimal qaScore,
      String focus,
      String status,
      String note,
      String coachedBy,
      Instant createdAt,
      Instant completedAt) {
    static Coaching of(QaCoaching c) {
      return new Coaching(
          c.id(),
          c.agentId(),
          Rounded.answer(c.qaScore()),
          c.focus(),
          c.status().name(),
          c.note(),
          c.coachedBy(),
          c.createdAt(),
          c.completedAt());
    }
  }
}
