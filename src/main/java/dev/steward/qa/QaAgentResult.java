package dev.steward.qa;

/**
 * One agent's results in a QA cycle: audits scored and passed, QA score (mean audit score 0..100)
 * and pass rate (fraction 0..1) with its 95 % Wilson interval; {@code null}s while nothing is
 * scored.
 */
public record QaAgentResult(
    String agentId,
    long audits,
    long scored,
    long passed,
    Double qaScore,
    Double passRate,
    WilsonInterval passRateInterval) {}
