package dev.steward.qa;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Body of {@code POST /api/vendors/{id}/qa-calibrations}. */
public record NewQaCalibration(
    @Schema(
            description = "1 to 20 of the vendor's interactions, as in its interaction data",
            example = "[\"ACME-2026-000123\", \"ACME-2026-000456\"]")
        List<String> interactionIds,
    @Schema(
            description = "2 to 20 users of the QA analysts group; each audits every interaction",
            example = "[\"quinn\", \"quentin\"]")
        List<String> analysts) {

  static final int MAX_INTERACTIONS = 20;
  static final int MIN_ANALYSTS = 2;
  static final int MAX_ANALYSTS = 20;
}
