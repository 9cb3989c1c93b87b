package dev.steward.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumMap;
import java.util.Map;

/**
 * The counts and sums every KPI of kpis.md is computed from. They add up exactly (per agent and day
 * rollups sum to the vendor's period), so the KPIs from rollups equal the KPIs from the raw rows.
 *
 * <p>handled = not abandoned; queued = wait_seconds present; {@code queuedAnsweredInTime} = queued,
 * not abandoned, wait ≤ the contract's service-level threshold.
 */
public record KpiTotals(
    long contacts,
    long handled,
    long handledResolved,
    long handledSeconds,
    long csatCount,
    long csatSatisfied,
    long npsCount,
    long npsPromoters,
    long npsDetractors,
    long cesCount,
    long cesSum,
    long queued,
    long queuedAbandoned,
    long queuedAnsweredInTime) {

  /**
   * Division precision: far beyond the 2 decimals of the answers, so rounding happens once, at the
   * end.
   */
  static final MathContext PRECISION = MathContext.DECIMAL128;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public static final KpiTotals EMPTY = new KpiTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  public KpiTotals plus(KpiTotals o) {
    return new KpiTotals(
        contacts + o.contacts,
        handled + o.handled,
        handledResolved + o.handledResolved,
        handledSeconds + o.handledSeconds,
        csatCount + o.csatCount,
        csatSatisfied + o.csatSatisfied,
        npsCount + o.npsCount,
        npsPromoters + o.npsPromoters,
        npsDetractors + o.npsDetractors,
        cesCount + o.cesCount,
        cesSum + o.cesSum,
        queued + o.queued,
        queuedAbandoned + o.queuedAbandoned,
        queuedAnsweredInTime + o.queuedAnsweredInTime);
  }

  /** Every KPI's value at full precision; {@code null} where its denominator is 0. */
  public Map<KpiKey, BigDecimal> values() {
    Map<KpiKey, BigDecimal> values = new EnumMap<>(KpiKey.class);
    values.put(KpiKey.CSAT, percent(csatSatisfied, csatCount));
    values.put(KpiKey.NPS, percent(npsPromoters - npsDetractors, npsCount));
    values.put(KpiKey.CES, ratio(cesSum, cesCount));
    values.put(KpiKey.FCR, percent(handledResolved, handled));
    values.put(KpiKey.AHT, ratio(handledSeconds, handled));
    values.put(KpiKey.SERVICE_LEVEL, percent(queuedAnsweredInTime, queued));
    values.put(KpiKey.ABANDON_RATE, percent(queuedAbandoned, queued));
    return values;
  }

  public BigDecimal value(KpiKey key) {
    return values().get(key);
  }

  private static BigDecimal percent(long numerator, long denominator) {
    return denominator == 0
        ? null
        : HUNDRED
            .multiply(BigDecimal.valueOf(numerator))
            .divide(BigDecimal.valueOf(denominator), PRECISION);
  }

  private static BigDecimal ratio(long numerator, long denominator) {
    return denominator == 0
        ? null
        : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), PRECISION);
  }
}
