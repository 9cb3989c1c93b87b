package dev.steward.evaluation;

import java.time.Instant;

/** An evaluation round in {@code GET /api/evaluations}. */
public record EvaluationSummary(
    String id,
    String name,
    RoundStatus status,
    Instant createdAt,
    String createdBy,
    Instant dueAt,
    int candidates,
    int evaluators,
    int submitted) {}
