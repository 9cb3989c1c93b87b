package dev.steward.vendor;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The timers of a vendor's operating phase, as ISO 8601 repeating intervals for BPMN time cycles: a
 * QA cycle at 02:00 UTC on the first of every month (it audits the month just ended), and sync
 * meetings on the cadence agreed in onboarding, at the start of the vendor's business day + 1 h.
 */
final class OperatingRhythm {

  static final LocalTime QA_CYCLE_TIME_UTC = LocalTime.of(2, 0);
  static final LocalTime QBR_TIME_UTC = LocalTime.of(3, 0);
  private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

  private OperatingRhythm() {}

  /** {@code R/<next first of a month, 02:00 UTC>/P1M}. */
  static String qaCycles(Instant now) {
    ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
    ZonedDateTime first =
        YearMonth.from(utc).plusMonths(1).atDay(1).atTime(QA_CYCLE_TIME_UTC).atZone(ZoneOffset.UTC);
    return "R/" + UTC.format(first.toInstant()) + "/P1M";
  }

  /**
   * {@code R/<first day of the next quarter, 03:00 UTC>/P3M}: the review of the quarter just ended.
   */
  static String quarterlyReviews(Instant now) {
    ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
    YearMonth month = YearMonth.from(utc);
    YearMonth nextQuarter =
        YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
    ZonedDateTime first = nextQuarter.atDay(1).atTime(QBR_TIME_UTC).atZone(ZoneOffset.UTC);
    return "R/" + UTC.format(first.toInstant()) + "/P3M";
  }

  /**
   * {@code R/<next business day of the vendor, one hour into its business day>/<cadence>}.
   *
   * @param cadence WEEKLY, BIWEEKLY or MONTHLY; anything else counts as WEEKLY
   */
  static String syncMeetings(
      Instant now, String cadence, ZoneId zone, LocalTime dayStart, Set<DayOfWeek> businessDays) {
    LocalTime meeting = dayStart.plusHours(1);
    ZonedDateTime candidate =
        now.atZone(zone).truncatedTo(ChronoUnit.DAYS).plusDays(1).with(meeting);
    for (int i = 0; i < 7 && !businessDays.contains(candidate.getDayOfWeek()); i++) {
      candidate = candidate.plusDays(1);
    }
    return "R/" + UTC.format(candidate.toInstant()) + "/" + interval(cadence);
  }

  static String interval(String cadence) {
    if ("BIWEEKLY".equals(cadence)) {
      return "P14D";
    }
    if ("MONTHLY".equals(cadence)) {
      return Period.ofMonths(1).toString();
    }
    return "P7D";
  }
}
