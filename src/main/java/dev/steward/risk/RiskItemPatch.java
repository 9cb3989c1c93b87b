package dev.steward.risk;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code PATCH /api/risks/{id}}: only the fields present change. */
public record RiskItemPatch(
    @Schema(allowableValues = {"OPEN", "IN_PROGRESS", "DONE", "CANCELLED"}) String status,
    @Schema(description = "username of an existing user") String owner,
    @Schema(example = "2026-08-31", description = "ISO date") String dueDate) {}
