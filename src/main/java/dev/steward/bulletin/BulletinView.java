package dev.steward.bulletin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A bulletin as the API shows it, with its acknowledgment counts and rate (acknowledged / addressed
 * vendors, a percentage rounded half-up to 2 decimals; {@code null} when nobody is addressed). A
 * BPO lead sees only their own vendor's row, and the counts of that row alone.
 *
 * @param vendors the addressed vendors (in the detail view only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulletinView(
    String id,
    String title,
    String body,
    BulletinKind kind,
    Instant effectiveAt,
    Instant ackDueAt,
    String publishedBy,
    Instant publishedAt,
    int addressed,
    int acknowledged,
    int missed,
    int open,
    BigDecimal acknowledgmentRate,
    List<Recipient> vendors) {

  /** One addressed vendor's acknowledgment: who and when, or missed, and the reminders sent. */
  public record Recipient(
      String vendorId,
      String vendorCode,
      String vendorName,
      AcknowledgmentStatus status,
      String acknowledgedBy,
      String acknowledgedByName,
      Instant acknowledgedAt,
      String comment,
      Instant missedAt,
      int reminders,
      Instant lastReminderAt) {}
}
