package dev.steward.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.kpi.ContractRequest;
import dev.steward.kpi.KpiKey;
import dev.steward.kpi.ScorecardDefinition;
import dev.steward.platform.FieldError;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What the contract form turns into, and what it refuses, from hand-written cases. */
class ContractAndTargetsTest {

  @Test
  void theDefaultTargetsCreditTheFiveWeightedKpisWithTheirWeight() {
    ContractAndTargets agreed = terms("120000", "10", "20", true, null, null, null);

    assertThat(agreed.problems()).isEmpty();
    assertThat(agreed.scorecard()).isEqualTo(ScorecardDefinition.defaults());
    ContractRequest contract = agreed.contract();
    assertThat(contract.monthlyFee()).isEqualByComparingTo("120000");
    assertThat(contract.atRiskPercent()).isEqualByComparingTo("10");
    assertThat(contract.serviceLevelThresholdSeconds()).isEqualByComparingTo("20");
    // weights 20 each: five KPIs credited 20 % of the at-risk amount each, 100 % in all
    assertThat(contract.creditAllocations())
        .containsOnlyKeys("csat", "nps", "ces", "fcr", "aht")
        .allSatisfy((key, share) -> assertThat(share).isEqualByComparingTo("20"));
  }

  @Test
  void ownTargetsReplaceOnlyTheTargetsGivenAndKeepZeroPointsAndWeights() {
    ContractAndTargets agreed = terms("50000", "5", "30", false, "90", null, "300");

    assertThat(agreed.problems()).isEmpty();
    ScorecardDefinition scorecard = agreed.scorecard();
    assertThat(scorecard.kpis().get(KpiKey.CSAT).target()).isEqualByComparingTo("90");
    assertThat(scorecard.kpis().get(KpiKey.CSAT).zero()).isEqualByComparingTo("0");
    assertThat(scorecard.kpis().get(KpiKey.FCR).target()).isEqualByComparingTo("75");
    assertThat(scorecard.kpis().get(KpiKey.AHT).target()).isEqualByComparingTo("300");
    assertThat(scorecard.kpis().get(KpiKey.AHT).zero()).isEqualByComparingTo("720");
    assertThat(scorecard.kpis().get(KpiKey.AHT).weight()).isEqualTo(20);
    assertThat(scorecard.problems()).isEmpty();
  }

  @Test
  void everyProblemNamesTheFormField() {
    assertThat(fields(terms(null, "101", "20.5", true, null, null, null)))
        .containsExactly("monthlyFee", "atRiskPercent", "serviceLevelThresholdSeconds");
    assertThat(fields(terms("-1", "10.555", "0", true, null, null, null)))
        .containsExactly("monthlyFee", "atRiskPercent", "serviceLevelThresholdSeconds");
    assertThat(fields(terms("1000000000000", "10", "3601", true, null, null, null)))
        .containsExactly("monthlyFee", "serviceLevelThresholdSeconds");
    // targets only when the defaults are not kept
    assertThat(fields(terms("1", "1", "20", true, "90", null, null))).containsExactly("csatTarget");
    // AHT is lower-is-better: its target must stay below the zero point of 720 seconds
    assertThat(fields(terms("1", "1", "20", false, "101", "0", "720")))
        .containsExactly("csatTarget", "fcrTarget", "ahtTargetSeconds");
    assertThat(fields(terms("1.005", "1", "20", false, "85.123", null, null)))
        .containsExactly("monthlyFee", "csatTarget");
  }

  @Test
  void wholeNumbersMayHaveTrailingZeros() {
    assertThat(terms("100.10", "7.50", "20.000", true, null, null, null).problems()).isEmpty();
  }

  private static java.util.List<String> fields(ContractAndTargets agreed) {
    return agreed.problems().stream().map(FieldError::field).toList();
  }

  private static ContractAndTargets terms(
      String fee,
      String atRisk,
      String threshold,
      boolean keepDefaults,
      String csat,
      String fcr,
      String aht) {
    return new ContractAndTargets(
        decimal(fee),
        decimal(atRisk),
        decimal(threshold),
        keepDefaults,
        decimal(csat),
        decimal(fcr),
        decimal(aht));
  }

  private static BigDecimal decimal(String value) {
    return value == null ? null : new BigDecimal(value);
  }
}
