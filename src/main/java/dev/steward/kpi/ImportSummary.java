package dev.steward.kpi;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to an interaction import. */
record ImportSummary(
    @Schema(description = "data rows in the file") long received,
    @Schema(description = "rows with an interaction id the vendor did not have") long inserted,
    @Schema(description = "rows that replaced the vendor's row with the same interaction id")
        long replaced) {}
