package dev.steward.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

  @Test
  void aMonthIsBoundedInUtc() {
    Period july = Period.parse("2026-07");
    assertThat(july.start()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(july.end()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
    assertThat(july.isQuarter()).isFalse();
    assertThat(july).hasToString("2026-07");
  }

  @Test
  void aQuarterCoversThreeMonths() {
    Period q3 = Period.parse("2026-Q3");
    assertThat(q3.start()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(q3.end()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(q3.monthsInside())
        .extracting(Period::toString)
        .containsExactly("2026-07", "2026-08", "2026-09");
    assertThat(q3).hasToString("2026-Q3");
    assertThat(Period.parse("2026-Q4").end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void aContactIsBucketedByItsUtcInstantNotItsLocalDate() {
    Instant early = OffsetDateTime.parse("2026-07-01T02:00+05:30").toInstant(); // 2026-06-30T20:30Z
    assertThat(Period.quarterOf(early)).hasToString("2026-Q2");
    assertThat(Period.monthOf(early)).hasToString("2026-06");
    assertThat(Period.parse("2026-Q2").contains(early)).isTrue();
    assertThat(Period.parse("2026-Q3").contains(early)).isFalse();
  }

  @Test
  void boundsAreStartInclusiveEndExclusive() {
    Period q2 = Period.parse("2026-Q2");
    assertThat(q2.contains(Instant.parse("2026-04-01T00:00:00Z"))).isTrue();
    assertThat(q2.contains(Instant.parse("2026-06-30T23:59:59.999Z"))).isTrue();
    assertThat(q2.contains(Instant.parse("2026-07-01T00:00:00Z"))).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "2026-13",
        "2026-00",
        "2026-Q5",
        "2026-Q0",
        "2026-7",
        "26-07",
        "2026-q3",
        "2026",
        "2026-07-01",
        " 2026-07"
      })
  void anythingElseIsRefusedWithWhatIsAllowed(String text) {
    assertThatThrownBy(() -> Period.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-07")
        .hasMessageContaining("2026-Q3");
  }
}
