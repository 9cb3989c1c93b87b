package dev.steward.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/escalations}. */
public record NewEscalation(
    @NotBlank String vendorId,
    @NotNull Severity severity,
    @NotNull EscalationCategory category,
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 4000) String description,
    @NotBlank @Size(max = 2000) String customerImpact) {}
