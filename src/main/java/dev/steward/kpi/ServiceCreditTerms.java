package dev.steward.kpi;

import dev.steward.platform.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's service-credit terms (kpis.md "Service credits"): monthly fee F, at-risk share A %
 * (so the at-risk amount R = F·A/100) and for each credited KPI an allocation a_i % of R.
 */
public record ServiceCreditTerms(
    BigDecimal monthlyFee, BigDecimal atRiskPercent, Map<KpiKey, BigDecimal> allocations) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public ServiceCreditTerms {
    EnumMap<KpiKey, BigDecimal> copy = new EnumMap<>(KpiKey.class);
    copy.putAll(allocations);
    allocations = Collections.unmodifiableMap(copy);
  }

  public static ServiceCreditTerms none() {
    return new ServiceCreditTerms(BigDecimal.ZERO, BigDecimal.ZERO, Map.of());
  }

  public BigDecimal atRiskAmount() {
    return monthlyFee.multiply(atRiskPercent).divide(HUNDRED, KpiTotals.PRECISION);
  }

  public List<FieldError> problems(ScorecardDefinition scorecard) {
    List<FieldError> errors = new ArrayList<>();
    if (monthlyFee == null || monthlyFee.signum() < 0) {
      errors.add(FieldError.field("monthlyFee", "must be 0 or more"));
    }
    if (atRiskPercent == null
        || atRiskPercent.signum() < 0
        || atRiskPercent.compareTo(HUNDRED) > 0) {
      errors.add(FieldError.field("atRiskPercent", "must be between 0 and 100"));
    }
    allocations.forEach(
        (key, share) -> {
          if (share == null || share.signum() < 0 || share.compareTo(HUNDRED) > 0) {
            errors.add(FieldError.field("allocations." + key.key(), "must be between 0 and 100"));
          }
          if (!scorecard.kpis().containsKey(key)) {
            errors.add(
                FieldError.field(
                    "allocations." + key.key(),
                    "is not in the vendor's scorecard, so it has no target"));
          }
        });
    return errors;
  }

  /**
   * The credit owed for one month: a KPI is missed when its value is worse than its target (a KPI
   * without a value is not missed); credit = min(R, Σ over missed KPIs of R·a_i/100).
   */
  public MonthlyCredit creditFor(
      Period month, Map<KpiKey, BigDecimal> values, ScorecardDefinition scorecard) {
    BigDecimal atRisk = atRiskAmount();
    BigDecimal sum = BigDecimal.ZERO;
    List<KpiKey> missed = new ArrayList<>();
    for (Map.Entry<KpiKey, BigDecimal> allocation : allocations.entrySet()) {
      KpiKey key = allocation.getKey();
      KpiTarget target = scorecard.kpis().get(key);
      BigDecimal value = values.get(key);
      if (target == null || value == null) {
        continue;
      }
      int cmp = value.compareTo(target.target());
      boolean worse = key.higherIsBetter() ? cmp < 0 : cmp > 0;
      if (worse) {
        missed.add(key);
        sum = sum.add(atRisk.multiply(allocation.getValue()).divide(HUNDRED, KpiTotals.PRECISION));
      }
    }
    return new MonthlyCredit(month, atRisk, List.copyOf(missed), sum.min(atRisk));
  }

  /** One month's credit. */
  public record MonthlyCredit(
      Period month, BigDecimal atRiskAmount, List<KpiKey> missed, BigDecimal credit) {}
}
