package dev.steward.qa;

/**
 * One QA cycle's vendor-level results, for other slices (the quarterly review's facts). Full
 * precision; {@code null} while nothing is scored.
 *
 * @param period the cycle's month, e.g. {@code 2026-07}
 * @param status AUDITING, RESULTS_PUBLISHED or CLOSED
 * @param qaScore mean audit score 0..100
 * @param passRate passed / scored as a fraction 0..1
 */
public record QaCycleResult(
    String cycleId,
    String period,
    String status,
    long audits,
    long scored,
    long passed,
    Double qaScore,
    Double passRate) {}
