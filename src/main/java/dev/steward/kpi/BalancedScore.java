package dev.steward.kpi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A vendor's balanced score for a period, exactly as kpis.md defines it:
 *
 * <ul>
 *   <li>higher is better: score = clamp(100 × (v − z) / (t − z), 0, 100)
 *   <li>lower is better: score = clamp(100 × (z − v) / (z − t), 0, 100)
 *   <li>total = Σ w·score / Σ w over the KPIs that have a value; {@code null} if none has (or their
 *       weights are all 0)
 * </ul>
 */
public record BalancedScore(Map<KpiKey, Line> lines, BigDecimal total) {

  /**
   * One KPI: its value, target, zero point, weight and score; value and score may be {@code null}.
   */
  public record Line(
      BigDecimal value, BigDecimal target, BigDecimal zero, int weight, BigDecimal score) {}

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public static BalancedScore of(KpiTotals totals, ScorecardDefinition definition) {
    Map<KpiKey, BigDecimal> values = totals.values();
    Map<KpiKey, Line> lines = new EnumMap<>(KpiKey.class);
    BigDecimal weighted = BigDecimal.ZERO;
    long weights = 0;
    for (Map.Entry<KpiKey, KpiTarget> entry : definition.kpis().entrySet()) {
      KpiKey key = entry.getKey();
      KpiTarget target = entry.getValue();
      BigDecimal value = values.get(key);
      BigDecimal score = value == null ? null : score(key, value, target);
      lines.put(key, new Line(value, target.target(), target.zero(), target.weight(), score));
      if (score != null) {
        weighted = weighted.add(score.multiply(BigDecimal.valueOf(target.weight())));
        weights += target.weight();
      }
    }
    BigDecimal total =
        weights == 0 ? null : weighted.divide(BigDecimal.valueOf(weights), KpiTotals.PRECISION);
    return new BalancedScore(Collections.unmodifiableMap(lines), total);
  }

  static BigDecimal score(KpiKey key, BigDecimal value, KpiTarget t) {
    BigDecimal raw =
        key.higherIsBetter()
            ? HUNDRED
                .multiply(value.subtract(t.zero()))
                .divide(t.target().subtract(t.zero()), KpiTotals.PRECISION)
            : HUNDRED
                .multiply(t.zero().subtract(value))
                .divide(t.zero().subtract(t.target()), KpiTotals.PRECISION);
    return raw.max(BigDecimal.ZERO).min(HUNDRED);
  }
}
