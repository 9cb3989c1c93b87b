package dev.steward.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.escalation.ResponseSlaAttainment;
import dev.steward.kpi.KpiKey;
import dev.steward.kpi.KpiTotals;
import dev.steward.kpi.Period;
import dev.steward.kpi.ScorecardDefinition;
import dev.steward.kpi.ServiceCreditTerms;
import dev.steward.qa.QaCycleResult;
import dev.steward.risk.RiskItemView;
import dev.steward.risk.RiskSeverity;
import dev.steward.risk.RiskSource;
import dev.steward.risk.RiskStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quarter's facts from hand-computed inputs. */
class FactsCalculatorTest {

  /**
   * 100 handled contacts, 80 resolved (FCR 80 %), 30,000 s handled (AHT 300 s), CSAT 45 of 50
   * satisfied (90 %), NPS 60 promoters and 10 detractors of 100 (50), CES 600 / 100 (6).
   */
  static final KpiTotals GOOD =
      new KpiTotals(100, 100, 80, 30_000, 50, 45, 100, 60, 10, 100, 600, 0, 0, 0);

  /** CSAT 20 of 50 (40 %), FCR 50 %, AHT 500 s, NPS -20, CES 3. */
  static final KpiTotals POOR =
      new KpiTotals(100, 100, 50, 50_000, 50, 20, 100, 20, 40, 100, 300, 0, 0, 0);

  /** F = 10,000, A = 10 % (R = 1,000); csat 50 %, fcr 30 %, aht 40 % of R. */
  static final ServiceCreditTerms CONTRACT =
      new ServiceCreditTerms(
          new BigDecimal("10000"),
          new BigDecimal("10"),
          Map.of(
              KpiKey.CSAT, new BigDecimal("50"),
              KpiKey.FCR, new BigDecimal("30"),
              KpiKey.AHT, new BigDecimal("40")));

  @Test
  void slaAttainmentIsResponsesWithinSlaOverResponsesDue() {
    assertThat(FactsCalculator.sla(new ResponseSlaAttainment(8, 6)).attainment())
        .isEqualByComparingTo("75.00");
    assertThat(FactsCalculator.sla(new ResponseSlaAttainment(3, 1)).attainment())
        .isEqualByComparingTo("33.33");
    assertThat(FactsCalculator.sla(new ResponseSlaAttainment(3, 2)).attainment())
        .isEqualByComparingTo("66.67");
    assertThat(FactsCalculator.sla(new ResponseSlaAttainment(0, 0)).attainment()).isNull();
  }

  @Test
  void serviceCreditsAreCappedPerMonthAndSummedOverTheQuarter() {
    // July: every credited KPI met -> 0. August: csat (500) + fcr (300) + aht (400) = 1,200,
    // capped at R = 1,000. September: csat and fcr missed by a hair... via POOR totals too -> 1,000
    List<FactsCalculator.Month> months =
        List.of(
            new FactsCalculator.Month(Period.month(YearMonth.of(2026, 7)), GOOD),
            new FactsCalculator.Month(Period.month(YearMonth.of(2026, 8)), POOR),
            new FactsCalculator.Month(
                Period.month(YearMonth.of(2026, 9)),
                // CSAT 40 % (missed, 500), FCR 80 % (met), AHT 400 s (missed, 400): 900
                new KpiTotals(100, 100, 80, 40_000, 50, 20, 0, 0, 0, 0, 0, 0, 0, 0)));
    ReviewFacts.Credits credits =
        FactsCalculator.credits(CONTRACT, months, ScorecardDefinition.defaults());
    assertThat(credits.months())
        .extracting(ReviewFacts.CreditMonth::credit)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("0"), new BigDecimal("1000"), new BigDecimal("900"));
    assertThat(credits.months().get(2).missed()).containsExactly("csat", "aht");
    assertThat(credits.total()).isEqualByComparingTo("1900.00");
  }

  @Test
  void qaResultsArePooledOverTheCyclesOfThePeriod() {
    List<QaCycleResult> cycles =
        List.of(
            new QaCycleResult("c1", "2026-07", "CLOSED", 12, 10, 8, 85.0, 0.8),
            new QaCycleResult("c2", "2026-08", "CLOSED", 30, 30, 15, 70.0, 0.5),
            new QaCycleResult("c3", "2026-09", "AUDITING", 5, 0, 0, null, null));
    ReviewFacts.Qa qa = FactsCalculator.qa(cycles);
    assertThat(qa.cycles()).isEqualTo(3);
    assertThat(qa.scored()).isEqualTo(40);
    assertThat(qa.passed()).isEqualTo(23);
    // 23 / 40 = 57.5 %; (85 * 10 + 70 * 30) / 40 = 73.75
    assertThat(qa.passRate()).isEqualByComparingTo("57.50");
    assertThat(qa.qaScore()).isEqualByComparingTo("73.75");
    assertThat(FactsCalculator.qa(List.of()).passRate()).isNull();
  }

  @Test
  void theBalancedTotalIsKeptAtFullPrecisionAndTheSnapshotRounded() {
    // default scorecard on GOOD: csat 90 -> 100, nps 50 -> 100, ces 6 -> 100, fcr 80 -> 100,
    // aht 300 -> 100: total 100
    FactsCalculator.Result good = FactsCalculator.assemble(inputs(GOOD, null));
    assertThat(good.total()).isEqualTo(100.0);
    // POOR: csat 40/85 = 47.0588..., nps 80/140 = 57.1428..., ces 2/4.5 = 44.4444..., fcr 50/75 =
    // 66.6666..., aht 220/360 = 61.1111...; mean = 276.4239... / 5 = 55.2848...
    FactsCalculator.Result poor = FactsCalculator.assemble(inputs(POOR, 95.5));
    double expected =
        (100 * 40 / 85.0 + 100 * 80 / 140.0 + 100 * 2 / 4.5 + 100 * 50 / 75.0 + 100 * 220 / 360.0)
            / 5;
    assertThat(poor.total()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(poor.facts().total()).isEqualByComparingTo("55.28");
    assertThat(poor.facts().previousTotal()).isEqualByComparingTo("95.50");
    assertThat(poor.facts().kpis().get("csat").score()).isEqualByComparingTo("47.06");
    assertThat(poor.facts().interactions()).isEqualTo(100);
    assertThat(poor.facts().openRisks().open()).isEqualTo(2);
    assertThat(poor.facts().openRisks().overdue()).isEqualTo(1);
    assertThat(poor.facts().openRisks().bySeverity())
        .containsEntry("HIGH", 1)
        .containsEntry("LOW", 1);
    assertThat(poor.facts().summary()).contains("balanced score 55.28").contains("75.00 %");
  }

  @Test
  void noInteractionsMeansNoTotal() {
    FactsCalculator.Result empty = FactsCalculator.assemble(inputs(KpiTotals.EMPTY, null));
    assertThat(empty.total()).isNull();
    assertThat(empty.facts().total()).isNull();
    assertThat(empty.facts().summary()).contains("balanced score n/a");
  }

  private static FactsCalculator.Inputs inputs(KpiTotals totals, Double previous) {
    Instant now = Instant.parse("2026-10-01T03:00:00Z");
    return new FactsCalculator.Inputs(
        "2026-Q3",
        LocalDate.of(2026, 7, 1),
        LocalDate.of(2026, 10, 1),
        totals,
        List.of(),
        ScorecardDefinition.defaults(),
        CONTRACT,
        List.of(),
        new ResponseSlaAttainment(4, 3),
        List.of(risk(RiskSeverity.HIGH, true, now), risk(RiskSeverity.LOW, false, now)),
        previous,
        previous == null ? null : "2026-Q2");
  }

  private static RiskItemView risk(RiskSeverity severity, boolean overdue, Instant now) {
    return new RiskItemView(
        "r-" + severity,
        "v",
        "t",
        null,
        "rachel",
        severity,
        LocalDate.of(2026, 9, 1),
        RiskStatus.OPEN,
        RiskSource.MANUAL,
        null,
        overdue,
        null,
        "rachel",
        now,
        "rachel",
        now);
  }
}
