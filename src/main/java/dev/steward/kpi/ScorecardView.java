package dev.steward.kpi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A vendor's balanced scorecard over a month or a quarter, as {@code GET
 * /api/vendors/{id}/scorecard} answers it. Numbers are rounded half-up to 2 decimals here, and only
 * here; {@code null} where there is no value.
 */
public record ScorecardView(
    String vendorId,
    @Schema(example = "2026-Q3") String period,
    @Schema(description = "contacts in the period (by started_at, UTC)") long interactions,
    @Schema(
            description =
                "the scorecard's KPIs by key, in the order csat, nps, ces, fcr, aht, serviceLevel, abandonRate")
        Map<String, KpiLine> kpis,
    @Schema(
            description = "Σ w·score / Σ w over the KPIs with a value; null if none has",
            nullable = true)
        BigDecimal total,
    @Schema(description = "the contract's service-level threshold the serviceLevel KPI counts with")
        int serviceLevelThresholdSeconds,
    ServiceCredits serviceCredits) {

  /** One KPI of the scorecard. */
  public record KpiLine(
      @Schema(nullable = true) BigDecimal value,
      BigDecimal target,
      BigDecimal zero,
      int weight,
      @Schema(nullable = true, description = "0–100") BigDecimal score) {}

  /** The service credits of the period, month by month (kpis.md "Service credits"). */
  public record ServiceCredits(
      @Schema(description = "R = monthly fee × at-risk share / 100, per month")
          BigDecimal atRiskAmount,
      List<CreditMonth> months,
      @Schema(description = "sum of the months' credits at full precision, then rounded")
          BigDecimal total) {}

  /**
   * One month's credit: the credited KPIs worse than their target, and min(R, Σ R·a_i/100) over
   * them.
   */
  public record CreditMonth(
      @Schema(example = "2026-07") String month,
      long interactions,
      List<String> missed,
      BigDecimal credit) {}

  static ScorecardView of(
      String vendorId,
      Period period,
      KpiTotals totals,
      BalancedScore score,
      ContractTerms contract,
      List<ServiceCreditTerms.MonthlyCredit> credits,
      List<KpiTotals> monthTotals) {
    Map<String, KpiLine> kpis = new LinkedHashMap<>();
    score
        .lines()
        .forEach(
            (key, line) ->
                kpis.put(
                    key.key(),
                    new KpiLine(
                        Decimals.answer(line.value()),
                        Decimals.answer(line.target()),
                        Decimals.answer(line.zero()),
                        line.weight(),
                        Decimals.answer(line.score()))));
    BigDecimal creditTotal = BigDecimal.ZERO;
    List<CreditMonth> months = new ArrayList<>();
    for (int i = 0; i < credits.size(); i++) {
      ServiceCreditTerms.MonthlyCredit credit = credits.get(i);
      creditTotal = creditTotal.add(credit.credit());
      months.add(
          new CreditMonth(
              credit.month().toString(),
              monthTotals.get(i).contacts(),
              credit.missed().stream().map(KpiKey::key).toList(),
              Decimals.answer(credit.credit())));
    }
    return new ScorecardView(
        vendorId,
        period.toString(),
        totals.contacts(),
        kpis,
        Decimals.answer(score.total()),
        contract.serviceLevelThresholdSeconds(),
        new ServiceCredits(
            Decimals.answer(contract.credits().atRiskAmount()),
            List.copyOf(months),
            Decimals.answer(creditTotal)));
  }
}
