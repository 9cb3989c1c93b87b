package dev.steward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Due dates from the SLA table's hours (kpis.md): the reminder goes out at exactly 75 % of the
 * response time.
 */
class SlaDatesTest {

  private static final Instant FILED = Instant.parse("2026-07-01T09:17:23.456789Z");

  @ParameterizedTest(name = "{0}: respond in {1} h, remind after {3} min, resolve in {2} h")
  @CsvSource({
    "P1, 1, 8, 45",
    "P2, 4, 24, 180",
    "P3, 24, 72, 1080",
    "P4, 72, 240, 3240",
  })
  void dueDatesOfTheDefaultSlas(
      String severity, long responseHours, long resolutionHours, long reminderMinutes) {
    SlaDates dates =
        SlaDates.from(FILED, Duration.ofHours(responseHours), Duration.ofHours(resolutionHours));

    assertThat(dates.responseDueAt()).isEqualTo(FILED.plus(Duration.ofHours(responseHours)));
    assertThat(dates.reminderAt()).isEqualTo(FILED.plus(Duration.ofMinutes(reminderMinutes)));
    assertThat(dates.resolutionDueAt()).isEqualTo(FILED.plus(Duration.ofHours(resolutionHours)));
    assertThat(Duration.between(FILED, dates.reminderAt()).toNanos() * 4)
        .isEqualTo(Duration.between(FILED, dates.responseDueAt()).toNanos() * 3);
  }

  @Test
  void p1RemindsAfter45Minutes() {
    assertThat(SlaDates.from(FILED, Duration.ofHours(1), Duration.ofHours(8)).reminderAt())
        .isEqualTo(FILED.plus(Duration.ofMinutes(45)));
  }

  @Test
  void p2RemindsAfterThreeHours() {
    assertThat(SlaDates.from(FILED, Duration.ofHours(4), Duration.ofHours(24)).reminderAt())
        .isEqualTo(FILED.plus(Duration.ofHours(3)));
  }

  @Test
  void p4RemindsAfter54Hours() {
    assertThat(SlaDates.from(FILED, Duration.ofHours(72), Duration.ofHours(240)).reminderAt())
        .isEqualTo(FILED.plus(Duration.ofHours(54)));
  }

  @Test
  void theReminderIsExactEvenWhenTheResponseTimeIsNotDivisibleByFour() {
    // 75 % of 1 h 1 min = 45 min 45 s: no rounding to whole minutes
    SlaDates dates = SlaDates.from(FILED, Duration.ofMinutes(61), Duration.ofHours(8));

    assertThat(dates.reminderAt()).isEqualTo(FILED.plus(Duration.ofMinutes(45).plusSeconds(45)));
  }

  @Test
  void theReminderComesBeforeTheResponseIsDueAndTheResponseBeforeTheResolution() {
    SlaDates dates = SlaDates.from(FILED, Duration.ofHours(4), Duration.ofHours(24));

    assertThat(dates.reminderAt()).isAfter(FILED).isBefore(dates.responseDueAt());
    assertThat(dates.responseDueAt()).isBefore(dates.resolutionDueAt());
  }
}
