package dev.steward.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceCreditTermsTest {

  // F = 10,000, A = 10 % → R = 1,000; csat 50 %, fcr 30 %, aht 40 % of R (120 % in all: the cap
  // matters)
  final ServiceCreditTerms terms =
      new ServiceCreditTerms(
          new BigDecimal("10000"),
          new BigDecimal("10"),
          Map.of(
              KpiKey.CSAT,
              new BigDecimal("50"),
              KpiKey.FCR,
              new BigDecimal("30"),
              KpiKey.AHT,
              new BigDecimal("40")));
  final ScorecardDefinition scorecard = ScorecardDefinition.defaults();
  final Period july = Period.parse("2026-07");

  @Test
  void atRiskAmount() {
    assertThat(terms.atRiskAmount()).isEqualByComparingTo("1000");
  }

  @Test
  void everyKpiMissedIsCappedAtTheAtRiskAmount() {
    var credit = terms.creditFor(july, values("80", "70", "400"), scorecard);
    assertThat(credit.missed()).containsExactlyInAnyOrder(KpiKey.CSAT, KpiKey.FCR, KpiKey.AHT);
    assertThat(credit.credit()).isEqualByComparingTo("1000"); // min(1000, 500 + 300 + 400)
  }

  @Test
  void oneMissedKpi() {
    var credit = terms.creditFor(july, values("80", "75", "360"), scorecard);
    assertThat(credit.missed()).containsExactly(KpiKey.CSAT);
    assertThat(credit.credit()).isEqualByComparingTo("500");
  }

  @Test
  void meetingTheTargetExactlyIsNotAMiss() {
    var credit = terms.creditFor(july, values("85", "75", "360"), scorecard);
    assertThat(credit.missed()).isEmpty();
    assertThat(credit.credit()).isEqualByComparingTo("0");
  }

  @Test
  void aKpiWithoutValueIsNotMissed() {
    Map<KpiKey, BigDecimal> values = values("80", "70", "400");
    values.put(KpiKey.CSAT, null);
    var credit = terms.creditFor(july, values, scorecard);
    assertThat(credit.missed()).containsExactlyInAnyOrder(KpiKey.FCR, KpiKey.AHT);
    assertThat(credit.credit()).isEqualByComparingTo("700");
  }

  @Test
  void noTermsNoCredit() {
    var credit = ServiceCreditTerms.none().creditFor(july, values("10", "10", "900"), scorecard);
    assertThat(credit.credit()).isEqualByComparingTo("0");
  }

  @Test
  void allocationsOutsideTheScorecardAreRefused() {
    ScorecardDefinition fcrOnly =
        new ScorecardDefinition(Map.of(KpiKey.FCR, KpiTarget.of("75", "0", 100)));
    assertThat(terms.problems(fcrOnly))
        .extracting(e -> e.field())
        .containsExactlyInAnyOrder("allocations.csat", "allocations.aht");
  }

  private static Map<KpiKey, BigDecimal> values(String csat, String fcr, String aht) {
    Map<KpiKey, BigDecimal> values = new EnumMap<>(KpiKey.class);
    values.put(KpiKey.CSAT, new BigDecimal(csat));
    values.put(KpiKey.FCR, new BigDecimal(fcr));
    values.put(KpiKey.AHT, new BigDecimal(aht));
    return values;
  }
}
