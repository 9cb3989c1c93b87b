package dev.steward.transition;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/vendors/{id}/transitions}. */
public record NewTransition(
    @Schema(description = "why the vendor is to be replaced; 1-4000 characters") String reason,
    @Schema(
            nullable = true,
            description =
                "the vendor taking over: another vendor that is not OFFBOARDED or REJECTED; exactly"
                    + " one of successorVendorId and newEvaluation")
        String successorVendorId,
    @Schema(
            description =
                "true when a new evaluation round is to find the successor (named later by the RM)")
        Boolean newEvaluation,
    @Schema(
            nullable = true,
            description = "length of the parallel run in days, 1-180; 30 when absent")
        Integer parallelRunDays) {}
