package dev.steward.evaluation;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/evaluations/{id}/ranking}: the computed ranking, best first. */
public record RankingView(
    String roundId,
    String name,
    RoundStatus status,
    Instant rankedAt,
    List<Criterion> criteria,
    List<RankingEntry> ranking) {}
