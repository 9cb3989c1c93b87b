package dev.steward.kpi;

import java.math.BigDecimal;

/**
 * One KPI of a vendor's balanced scorecard: target {@code t}, zero point {@code z}, weight {@code
 * w}.
 */
public record KpiTarget(BigDecimal target, BigDecimal zero, int weight) {

  public static KpiTarget of(String target, String zero, int weight) {
    return new KpiTarget(new BigDecimal(target), new BigDecimal(zero), weight);
  }
}
