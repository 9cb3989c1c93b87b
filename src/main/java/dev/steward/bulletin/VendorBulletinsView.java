package dev.steward.bulletin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One vendor's bulletins and its acknowledgment rate across them (acknowledged / addressed, a
 * percentage rounded half-up to 2 decimals; {@code null} when none was addressed to it).
 */
public record VendorBulletinsView(
    String vendorId,
    String vendorCode,
    int addressed,
    int acknowledged,
    int missed,
    int open,
    BigDecimal acknowledgmentRate,
    List<Entry> bulletins) {

  /** One bulletin addressed to the vendor and where the vendor stands with it. */
  public record Entry(
      String bulletinId,
      String title,
      BulletinKind kind,
      Instant publishedAt,
      Instant effectiveAt,
      Instant ackDueAt,
      AcknowledgmentStatus status,
      String acknowledgedBy,
      Instant acknowledgedAt,
      Instant missedAt,
      int reminders) {}
}
