package dev.steward.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class OperatingRhythmTest {

  static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  @Test
  void qaCyclesStartOnTheFirstOfNextMonthAtTwoUtc() {
    assertThat(OperatingRhythm.qaCycles(Instant.parse("2026-11-30T17:00:00Z")))
        .isEqualTo("R/2026-12-01T02:00:00Z/P1M");
    // 1 December 01:00 UTC is still "this month": the next cycle is January's
    assertThat(OperatingRhythm.qaCycles(Instant.parse("2026-12-01T01:00:00Z")))
        .isEqualTo("R/2027-01-01T02:00:00Z/P1M");
    assertThat(OperatingRhythm.qaCycles(Instant.parse("2026-12-31T23:59:59Z")))
        .isEqualTo("R/2027-01-01T02:00:00Z/P1M");
  }

  @Test
  void quarterlyReviewsStartOnTheFirstDayOfTheNextQuarter() {
    assertThat(OperatingRhythm.quarterlyReviews(Instant.parse("2026-11-30T17:00:00Z")))
        .isEqualTo("R/2027-01-01T03:00:00Z/P3M");
    assertThat(OperatingRhythm.quarterlyReviews(Instant.parse("2026-01-01T00:00:00Z")))
        .isEqualTo("R/2026-04-01T03:00:00Z/P3M");
    assertThat(OperatingRhythm.quarterlyReviews(Instant.parse("2026-09-30T23:59:59Z")))
        .isEqualTo("R/2026-10-01T03:00:00Z/P3M");
  }

  @Test
  void syncMeetingsStartOnTheVendorsNextBusinessDayOneHourIntoIt() {
    ZoneId manila = ZoneId.of("Asia/Manila"); // UTC+8, no daylight saving
    // Friday 2026-12-04 10:00 in Manila: next business day is Monday 7 December, 09:00 Manila
    Instant friday = Instant.parse("2026-12-04T02:00:00Z");
    assertThat(OperatingRhythm.syncMeetings(friday, "WEEKLY", manila, LocalTime.of(8, 0), WEEKDAYS))
        .isEqualTo("R/2026-12-07T01:00:00Z/P7D");
    assertThat(
            OperatingRhythm.syncMeetings(friday, "BIWEEKLY", manila, LocalTime.of(8, 0), WEEKDAYS))
        .endsWith("/P14D");
    assertThat(
            OperatingRhythm.syncMeetings(friday, "MONTHLY", manila, LocalTime.of(8, 0), WEEKDAYS))
        .endsWith("/P1M");
    assertThat(OperatingRhythm.syncMeetings(friday, null, manila, LocalTime.of(8, 0), WEEKDAYS))
        .as("unknown cadence: weekly")
        .endsWith("/P7D");
    // a vendor working Saturdays only
    assertThat(
            OperatingRhythm.syncMeetings(
                friday, "WEEKLY", manila, LocalTime.of(7, 30), EnumSet.of(DayOfWeek.SATURDAY)))
        .isEqualTo("R/2026-12-05T00:30:00Z/P7D");
  }
}
