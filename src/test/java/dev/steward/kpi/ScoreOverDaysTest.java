package dev.steward.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.steward.platform.AuditLog;
import dev.steward.vendor.VendorService;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A scorecard over a range of UTC days (a pilot's window): the rollup totals of exactly those days,
 * scored with the definition given, not the vendor's stored one.
 */
class ScoreOverDaysTest {

  final KpiQueries kpis = mock(KpiQueries.class);
  final ScorecardStore store = mock(ScorecardStore.class);
  final ScorecardService service =
      new ScorecardService(mock(VendorService.class), store, kpis, mock(AuditLog.class));

  static final LocalDate FROM = LocalDate.of(2026, 3, 2);
  static final LocalDate TO = LocalDate.of(2026, 3, 16);

  /**
   * 4 contacts, 3 handled, 2 of them resolved, 900 handled seconds, CSAT 3 of 4 satisfied: FCR
   * 66.67 %, AHT 300 s, CSAT 75 %. With csat t 80 z 0 w 50 and aht t 240 z 480 w 50: csat 93.75,
   * aht (480 − 300) / (480 − 240) × 100 = 75, total 84.375.
   */
  @Test
  void scoresTheRollupTotalsOfTheDaysWithTheGivenDefinition() {
    KpiTotals totals = new KpiTotals(4, 3, 2, 900, 4, 3, 0, 0, 0, 0, 0, 0, 0, 0);
    when(kpis.fromRollups("v-1", FROM, TO)).thenReturn(totals);
    ScorecardDefinition definition =
        new ScorecardDefinition(
            java.util.Map.of(
                KpiKey.CSAT,
                KpiTarget.of("80", "0", 50),
                KpiKey.AHT,
                KpiTarget.of("240", "480", 50)));

    ScorecardService.DayRangeScore score = service.scoreOverDays("v-1", FROM, TO, definition);

    assertThat(score.totals()).isEqualTo(totals);
    assertThat(score.from()).isEqualTo(FROM);
    assertThat(score.toExclusive()).isEqualTo(TO);
    assertThat(score.score().lines().get(KpiKey.CSAT).score()).isEqualByComparingTo("93.75");
    assertThat(score.score().lines().get(KpiKey.AHT).score()).isEqualByComparingTo("75");
    assertThat(score.score().total()).isEqualByComparingTo(new BigDecimal("84.375"));
    verifyNoInteractions(store);
  }

  @Test
  void anEmptyRangeIsRefused() {
    assertThatThrownBy(() -> service.scoreOverDays("v-1", TO, TO, ScorecardDefinition.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void theCurrentDefinitionIsTheStoredOne() {
    when(store.definition("v-1")).thenReturn(ScorecardDefinition.defaults());

    assertThat(service.currentDefinition("v-1")).isEqualTo(ScorecardDefinition.defaults());
    verify(store).definition("v-1");
  }
}
