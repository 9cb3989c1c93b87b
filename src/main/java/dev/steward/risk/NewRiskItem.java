package dev.steward.risk;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/vendors/{id}/risks}: a risk or issue entered by hand (source MANUAL). */
public record NewRiskItem(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String title,
    @Schema(maxLength = 4000) String description,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            description = "username of an existing user")
        String owner,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"LOW", "MEDIUM", "HIGH", "CRITICAL"})
        String severity,
    @Schema(example = "2026-08-31", description = "ISO date; optional") String dueDate) {}
