package dev.steward.escalation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The brand's own business hours ({@code steward.brand.*}). Escalations filed outside them go to
 * the on-call group, so a vendor on the other side of the world is not left waiting until morning.
 */
@ConfigurationProperties("steward.brand")
record BrandBusinessHours(
    ZoneId timeZone,
    LocalTime businessHoursStart,
    LocalTime businessHoursEnd,
    Set<DayOfWeek> businessDays) {

  BrandBusinessHours {
    timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    businessHoursStart = businessHoursStart == null ? LocalTime.of(8, 0) : businessHoursStart;
    businessHoursEnd = businessHoursEnd == null ? LocalTime.of(18, 0) : businessHoursEnd;
    businessDays =
        businessDays == null || businessDays.isEmpty()
            ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
            : EnumSet.copyOf(businessDays);
  }

  /** Start inclusive, end exclusive, in the brand's time zone. */
  boolean isWithin(Instant instant) {
    ZonedDateTime local = instant.atZone(timeZone);
    LocalTime time = local.toLocalTime();
    return businessDays.contains(local.getDayOfWeek())
        && !time.isBefore(businessHoursStart)
        && time.isBefore(businessHoursEnd);
  }
}
