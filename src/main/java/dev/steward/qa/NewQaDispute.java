package dev.steward.qa;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/qa/audits/{id}/disputes}. */
public record NewQaDispute(@NotBlank @Size(max = 2000) String reason) {}
