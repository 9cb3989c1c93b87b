package dev.steward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.escalation.EscalationCategory;
import dev.steward.escalation.EscalationStatus;
import dev.steward.escalation.EscalationView;
import dev.steward.escalation.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The SLA clock the portal shows: which deadline runs, time left or overdue, and its tone. */
class SlaClockTest {

  private static final Instant FILED = Instant.parse("2026-11-30T08:00:00Z");

  @Test
  void theFirstResponseClockRunsUntilTheRmAnswers() {
    EscalationView open = escalation(EscalationStatus.OPEN, null, false, false);

    SlaClock early = SlaClock.of(open, FILED.plus(Duration.ofMinutes(30)));
    assertThat(early.label()).isEqualTo("First response");
    assertThat(early.text()).isEqualTo("3 h 30 min left");
    assertThat(early.tone()).isEqualTo("good");
    assertThat(early.due()).isEqualTo(FILED.plus(Duration.ofHours(4)));

    // less than a quarter of the four hours left
    SlaClock late = SlaClock.of(open, FILED.plus(Duration.ofMinutes(200)));
    assertThat(late.text()).isEqualTo("40 min left");
    assertThat(late.tone()).isEqualTo("warn");

    SlaClock overdue = SlaClock.of(open, FILED.plus(Duration.ofHours(5)));
    assertThat(overdue.text()).isEqualTo("overdue by 1 h 0 min");
    assertThat(overdue.tone()).isEqualTo("bad");
  }

  @Test
  void aBreachRecordedByTheProcessShowsAsOverdueAndThenTheResolutionClockRuns() {
    EscalationView breached = escalation(EscalationStatus.ESCALATED, null, true, false);
    assertThat(SlaClock.of(breached, FILED.plus(Duration.ofHours(4))).tone()).isEqualTo("bad");

    EscalationView answered =
        escalation(EscalationStatus.IN_PROGRESS, FILED.plus(Duration.ofHours(1)), false, false);
    SlaClock resolution = SlaClock.of(answered, FILED.plus(Duration.ofHours(2)));
    assertThat(resolution.label()).isEqualTo("Resolution");
    assertThat(resolution.text()).isEqualTo("2 d 22 h left");
    assertThat(resolution.tone()).isEqualTo("good");
  }

  @Test
  void resolvedAndClosedEscalationsRunNoClock() {
    assertThat(
            SlaClock.of(
                    escalation(EscalationStatus.RESOLVED, FILED, false, true),
                    FILED.plus(Duration.ofDays(9)))
                .text())
        .isEqualTo("resolved late");
    SlaClock closed =
        SlaClock.of(
            escalation(EscalationStatus.CLOSED, FILED, false, false),
            FILED.plus(Duration.ofDays(9)));
    assertThat(closed.tone()).isEqualTo("neutral");
    assertThat(closed.due()).isNull();
  }

  private static EscalationView escalation(
      EscalationStatus status,
      Instant respondedAt,
      boolean responseBreached,
      boolean resolutionBreached) {
    return new EscalationView(
        "e1",
        "v1",
        Severity.P2,
        EscalationCategory.BILLING,
        "Refunds stuck",
        "d",
        "i",
        status,
        responseBreached ? 2 : 1,
        "lena",
        FILED,
        true,
        FILED.plus(Duration.ofHours(4)),
        FILED.plus(Duration.ofHours(72)),
        null,
        responseBreached,
        responseBreached ? FILED.plus(Duration.ofHours(4)) : null,
        respondedAt,
        respondedAt == null ? null : "rachel",
        respondedAt == null ? null : "On it",
        resolutionBreached,
        null,
        null,
        null,
        null,
        null,
        0,
        "pi");
  }
}
