package dev.steward.qa;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One vendor's QA at a glance, for the vendor portal: each agent's results in the latest cycle that
 * audited them, the vendor's latest cycle, the points leaderboard and the latest recognition points
 * awarded. Numbers as in {@code GET /api/qa-cycles/{id}} (percentages, half-up to 2 decimals;
 * {@code null} while nothing is scored).
 *
 * @param latestCycle the vendor's latest cycle, {@code null} before the first
 * @param agents per agent, their latest cycle's results, by agent id
 * @param leaderboard the agents by points, most first (equal points share a rank)
 * @param recentAwards the latest ledger entries, newest first
 */
public record QaVendorOverview(
    String vendorId,
    Cycle latestCycle,
    List<AgentResult> agents,
    List<Standing> leaderboard,
    List<Award> recentAwards) {

  /** A cycle and the vendor's results in it. */
  public record Cycle(
      String cycleId,
      String period,
      String status,
      BigDecimal passMark,
      Instant resultsPublishedAt,
      Instant disputeWindowEndsAt,
      boolean disputeWindowOpen,
      Results results) {}

  /** An agent's results in the latest cycle that audited them. */
  public record AgentResult(
      String agentId, String cycleId, String period, boolean belowPassMark, Results results) {}

  /**
   * @param passRate passed / scored in percent
   * @param passRateLower lower bound of the 95 % Wilson interval, in percent
   * @param passRateUpper upper bound of the 95 % Wilson interval, in percent
   */
  public record Results(
      long audits,
      long completed,
      long scored,
      long passed,
      BigDecimal qaScore,
      BigDecimal passRate,
      BigDecimal passRateLower,
      BigDecimal passRateUpper) {

    static Results of(CycleResults.Summary s) {
      QaResultsView.Summary rounded = QaResultsView.Summary.of(s);
      return new Results(
          rounded.audits(),
          rounded.completed(),
          rounded.scored(),
          rounded.passed(),
          rounded.qaScore(),
          rounded.passRate(),
          rounded.passRateLower(),
          rounded.passRateUpper());
    }
  }

  /** An agent's place on the leaderboard. */
  public record Standing(int rank, String agentId, long points) {}

  /**
   * @param reason AUDIT_PASSED, or DISPUTE_CORRECTION when an upheld dispute changed pass/fail
   */
  public record Award(
      String agentId, int points, String reason, String cycleId, Instant awardedAt) {}
}
