package dev.steward.review;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/vendors/{id}/reviews}; the body is optional. */
public record NewReview(
    @Schema(
            example = "2026-Q3",
            description =
                "the quarter to review; default: the last full calendar quarter (UTC). Must have"
                    + " started.")
        String period) {}
