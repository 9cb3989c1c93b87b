package dev.steward.escalation;

import java.time.Instant;

/** An escalation as the API shows it; times are UTC instants. */
public record EscalationView(
    String id,
    String vendorId,
    Severity severity,
    EscalationCategory category,
    String title,
    String description,
    String customerImpact,
    EscalationStatus status,
    int tier,
    String filedBy,
    Instant filedAt,
    Boolean withinBusinessHours,
    Instant responseDueAt,
    Instant resolutionDueAt,
    Instant reminderSentAt,
    boolean responseBreached,
    Instant responseBreachedAt,
    Instant respondedAt,
    String respondedBy,
    String response,
    boolean resolutionBreached,
    Instant resolvedAt,
    String resolution,
    RootCause rootCause,
    String rootCauseDetail,
    Instant closedAt,
    int reopenCount,
    String processInstanceId) {

  static EscalationView of(Escalation e) {
    return new EscalationView(
        e.getId(),
        e.getVendorId(),
        e.getSeverity(),
        e.getCategory(),
        e.getTitle(),
        e.getDescription(),
        e.getCustomerImpact(),
        e.getStatus(),
        e.getTier(),
        e.getFiledBy(),
        e.getFiledAt(),
        e.getWithinBusinessHours(),
        e.getResponseDueAt(),
        e.getResolutionDueAt(),
        e.getReminderSentAt(),
        e.getResponseBreachedAt() != null,
        e.getResponseBreachedAt(),
        e.getRespondedAt(),
        e.getRespondedBy(),
        e.getResponse(),
        e.getResolutionBreachedAt() != null,
        e.getResolvedAt(),
        e.getResolution(),
        e.getRootCause(),
        e.getRootCauseDetail(),
        e.getClosedAt(),
        e.getReopenCount(),
        e.getProcessInstanceId());
  }
}
