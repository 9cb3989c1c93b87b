package dev.steward.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A risk or issue of a vendor as the API shows it.
 *
 * @param overdue open or in progress, and its due date is before today (UTC)
 */
public record RiskItemView(
    String id,
    String vendorId,
    String title,
    @Schema(nullable = true) String description,
    @Schema(description = "username of the person who owns it") String owner,
    RiskSeverity severity,
    @Schema(nullable = true, example = "2026-08-31") LocalDate dueDate,
    RiskStatus status,
    RiskSource source,
    @Schema(
            nullable = true,
            description = "escalation id (ESCALATION_ROOT_CAUSE) or reviewId#n (QBR_ACTION)")
        String sourceRef,
    boolean overdue,
    @Schema(nullable = true, description = "when the due-date reminder went out")
        Instant reminderSentAt,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt) {}
