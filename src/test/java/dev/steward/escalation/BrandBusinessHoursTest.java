package dev.steward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The brand's business hours as configured in application.yaml: Europe/Berlin, 08:00-18:00, Monday
 * to Friday.
 */
class BrandBusinessHoursTest {

  private final BrandBusinessHours berlin =
      new BrandBusinessHours(
          ZoneId.of("Europe/Berlin"),
          LocalTime.of(8, 0),
          LocalTime.of(18, 0),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

  @ParameterizedTest(name = "{0} is within: {1}")
  @CsvSource({
    // summer time (CEST = UTC+2); 2026-07-01 is a Wednesday
    "2026-07-01T06:00:00Z, true", // 08:00 Berlin: the start is inclusive
    "2026-07-01T05:59:59.999Z, false", // 07:59:59.999 Berlin
    "2026-07-01T10:30:00Z, true", // 12:30 Berlin
    "2026-07-01T15:59:59.999Z, true", // 17:59:59.999 Berlin
    "2026-07-01T16:00:00Z, false", // 18:00 Berlin: the end is exclusive
    "2026-07-01T21:00:00Z, false", // 23:00 Berlin
    "2026-07-01T23:30:00Z, false", // 01:30 Thursday in Berlin
    // winter time (CET = UTC+1); 2026-01-14 is a Wednesday
    "2026-01-14T07:00:00Z, true", // 08:00 Berlin
    "2026-01-14T06:59:59Z, false", // 07:59:59 Berlin, although 06:59 would be 'within' in summer
    "2026-01-14T16:30:00Z, true", // 17:30 Berlin, although 16:30 UTC is after 18:00 Berlin in
    // summer
    "2026-01-14T17:00:00Z, false", // 18:00 Berlin
    // weekend: 2026-07-04 is a Saturday, 2026-07-05 a Sunday
    "2026-07-04T10:00:00Z, false",
    "2026-07-05T10:00:00Z, false",
    // Friday evening and Monday morning around the weekend
    "2026-07-03T15:59:00Z, true", // Friday 17:59 Berlin
    "2026-07-03T16:00:00Z, false", // Friday 18:00 Berlin
    "2026-07-05T22:30:00Z, false", // Monday 00:30 Berlin, still Sunday in UTC
    "2026-07-06T06:00:00Z, true", // Monday 08:00 Berlin
    // the day clocks change: Sunday 2026-03-29 (not a business day), Monday 2026-03-30 already in
    // CEST
    "2026-03-29T09:00:00Z, false",
    "2026-03-30T06:00:00Z, true", // 08:00 CEST
    "2026-03-30T05:30:00Z, false", // 07:30 CEST
  })
  void routesByTheBrandsLocalTime(Instant instant, boolean within) {
    assertThat(berlin.isWithin(instant)).isEqualTo(within);
  }

  @Test
  void aDateLineDayIsJudgedInTheBrandsZoneNotTheCallersOrUtc() {
    // Monday 07:00 in Manila is Sunday 23:00 UTC and Monday 01:00 in Berlin: outside
    assertThat(berlin.isWithin(Instant.parse("2026-07-05T23:00:00Z"))).isFalse();
    // Friday 23:30 in Manila is Friday 15:30 UTC, 17:30 in Berlin: within
    assertThat(berlin.isWithin(Instant.parse("2026-07-03T15:30:00Z"))).isTrue();
  }

  @Test
  void missingSettingsDefaultToUtcEightToSixOnWeekdays() {
    BrandBusinessHours defaults = new BrandBusinessHours(null, null, null, null);

    assertThat(defaults.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(defaults.businessHoursStart()).isEqualTo(LocalTime.of(8, 0));
    assertThat(defaults.businessHoursEnd()).isEqualTo(LocalTime.of(18, 0));
    assertThat(defaults.businessDays())
        .containsExactlyInAnyOrder(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    assertThat(defaults.isWithin(Instant.parse("2026-07-01T08:00:00Z"))).isTrue();
    assertThat(defaults.isWithin(Instant.parse("2026-07-01T07:59:59Z"))).isFalse();
    assertThat(defaults.isWithin(Instant.parse("2026-07-01T18:00:00Z"))).isFalse();
    assertThat(defaults.isWithin(Instant.parse("2026-07-04T12:00:00Z"))).isFalse();
  }

  @Test
  void anEmptySetOfBusinessDaysMeansWeekdays() {
    BrandBusinessHours hours =
        new BrandBusinessHours(
            ZoneId.of("Europe/Berlin"),
            LocalTime.of(8, 0),
            LocalTime.of(18, 0),
            EnumSet.noneOf(DayOfWeek.class));

    assertThat(hours.businessDays())
        .hasSize(5)
        .doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  }

  @Test
  void configuredBusinessDaysAreHonoured() {
    BrandBusinessHours sixDays =
        new BrandBusinessHours(
            ZoneId.of("Europe/Berlin"),
            LocalTime.of(9, 0),
            LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));

    assertThat(sixDays.isWithin(Instant.parse("2026-07-04T07:00:00Z")))
        .isTrue(); // Saturday 09:00 Berlin
    assertThat(sixDays.isWithin(Instant.parse("2026-07-04T06:59:00Z")))
        .isFalse(); // Saturday 08:59 Berlin
    assertThat(sixDays.isWithin(Instant.parse("2026-07-05T10:00:00Z"))).isFalse(); // Sunday
    assertThat(sixDays.isWithin(Instant.parse("2026-07-01T15:00:00Z")))
        .isFalse(); // Wednesday 17:00 Berlin
  }
}
