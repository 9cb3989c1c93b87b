package dev.steward.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An escalation a vendor's lead (or an RM) filed. Each change is a guarded state transition, so a
 * delegate that runs twice changes nothing the second time.
 */
@Entity
@Table(name = "escalation")
class Escalation {

  @Id private String id;
  private String vendorId;

  @Enumerated(EnumType.STRING)
  private Severity severity;

  @Enumerated(EnumType.STRING)
  private EscalationCategory category;

  private String title;
  private String description;
  private String customerImpact;

  @Enumerated(EnumType.STRING)
  private EscalationStatus status;

  private int tier;
  private String filedBy;
  private Instant filedAt;
  private Boolean withinBusinessHours;
  private Instant responseDueAt;
  private Instant resolutionDueAt;
  private Instant reminderSentAt;
  private Instant responseBreachedAt;
  private Instant respondedAt;
  private String respondedBy;
  private String response;
  private Instant resolutionBreachedAt;
  private Instant resolvedAt;
  private String resolution;

  @Enumerated(EnumType.STRING)
  private RootCause rootCause;

  private String rootCauseDetail;
  private Instant closedAt;
  private int reopenCount;
  private String processInstanceId;

  @Version private long version;

  protected Escalation() {}

  Escalation(
      String id,
      String vendorId,
      Severity severity,
      EscalationCategory category,
      String title,
      String description,
      String customerImpact,
      String filedBy,
      Instant filedAt) {
    this.id = id;
    this.vendorId = vendorId;
    this.severity = severity;
    this.category = category;
    this.title = title;
    this.description = description;
    this.customerImpact = customerImpact;
    this.filedBy = filedBy;
    this.filedAt = filedAt;
    this.status = EscalationStatus.OPEN;
    this.tier = 1;
  }

  void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void applySla(Instant responseDueAt, Instant resolutionDueAt) {
    this.responseDueAt = responseDueAt;
    this.resolutionDueAt = resolutionDueAt;
  }

  void routed(boolean withinBusinessHours) {
    this.withinBusinessHours = withinBusinessHours;
  }

  /**
   * @return whether this call sent it (false if a reminder was already recorded)
   */
  boolean reminderSent(Instant at) {
    if (reminderSentAt != null) {
      return false;
    }
    reminderSentAt = at;
    return true;
  }

  boolean responseBreached(Instant at) {
    if (responseBreachedAt != null) {
      return false;
    }
    responseBreachedAt = at;
    tier = 2;
    if (status == EscalationStatus.OPEN) {
      status = EscalationStatus.ESCALATED;
    }
    return true;
  }

  boolean responded(Instant at, String by, String text) {
    if (respondedAt != null) {
      return false;
    }
    respondedAt = at;
    respondedBy = by;
    response = text;
    status = EscalationStatus.IN_PROGRESS;
    return true;
  }

  boolean resolutionBreached(Instant at) {
    if (resolutionBreachedAt != null) {
      return false;
    }
    resolutionBreachedAt = at;
    return true;
  }

  boolean resolved(Instant at, String text, RootCause cause, String detail) {
    if (status == EscalationStatus.RESOLVED || status == EscalationStatus.CLOSED) {
      return false;
    }
    resolvedAt = at;
    resolution = text;
    rootCause = cause;
    rootCauseDetail = detail;
    status = EscalationStatus.RESOLVED;
    return true;
  }

  boolean reopened() {
    if (status != EscalationStatus.RESOLVED) {
      return false;
    }
    status = EscalationStatus.REOPENED;
    reopenCount++;
    return true;
  }

  boolean closed(Instant at) {
    if (status == EscalationStatus.CLOSED) {
      return false;
    }
    status = EscalationStatus.CLOSED;
    closedAt = at;
    return true;
  }

  String getId() {
    return id;
  }

  String getVendorId() {
    return vendorId;
  }

  Severity getSeverity() {
    return severity;
  }

  EscalationCategory getCategory() {
    return category;
  }

  String getTitle() {
    return title;
  }

  String getDescription() {
    return description;
  }

  String getCustomerImpact() {
    return customerImpact;
  }

  EscalationStatus getStatus() {
    return status;
  }

  int getTier() {
    return tier;
  }

  String getFiledBy() {
    return filedBy;
  }

  Instant getFiledAt() {
    return filedAt;
  }

  Boolean getWithinBusinessHours() {
    return withinBusinessHours;
  }

  Instant getResponseDueAt() {
    return responseDueAt;
  }

  Instant getResolutionDueAt() {
    return resolutionDueAt;
  }

  Instant getReminderSentAt() {
    return reminderSentAt;
  }

  Instant getResponseBreachedAt() {
    return responseBreachedAt;
  }

  Instant getRespondedAt() {
    return respondedAt;
  }

  String getRespondedBy() {
    return respondedBy;
  }

  String getResponse() {
    return response;
  }

  Instant getResolutionBreachedAt() {
    return resolutionBreachedAt;
  }

  Instant getResolvedAt() {
    return resolvedAt;
  }

  String getResolution() {
    return resolution;
  }

  RootCause getRootCause() {
    return rootCause;
  }

  String getRootCauseDetail() {
    return rootCauseDetail;
  }

  Instant getClosedAt() {
    return closedAt;
  }

  int getReopenCount() {
    return reopenCount;
  }

  String getProcessInstanceId() {
    return processInstanceId;
  }
}
