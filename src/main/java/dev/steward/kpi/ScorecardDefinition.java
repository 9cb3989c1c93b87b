package dev.steward.kpi;

import dev.steward.platform.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The KPIs a vendor is scored on, with targets, zero points and weights (kpis.md "Balanced
 * scorecard").
 */
public record ScorecardDefinition(Map<KpiKey, KpiTarget> kpis) {

  public ScorecardDefinition {
    EnumMap<KpiKey, KpiTarget> copy = new EnumMap<>(KpiKey.class);
    copy.putAll(kpis);
    kpis = Collections.unmodifiableMap(copy);
  }

  /**
   * The common CX balanced scorecard: five KPIs at 20 % each; service level and abandon rate shown
   * unweighted.
   */
  public static ScorecardDefinition defaults() {
    Map<KpiKey, KpiTarget> kpis = new EnumMap<>(KpiKey.class);
    kpis.put(KpiKey.CSAT, KpiTarget.of("85", "0", 20));
    kpis.put(KpiKey.NPS, KpiTarget.of("40", "-100", 20));
    kpis.put(KpiKey.CES, KpiTarget.of("5.5", "1", 20));
    kpis.put(KpiKey.FCR, KpiTarget.of("75", "0", 20));
    kpis.put(KpiKey.AHT, KpiTarget.of("360", "720", 20));
    kpis.put(KpiKey.SERVICE_LEVEL, KpiTarget.of("80", "0", 0));
    kpis.put(KpiKey.ABANDON_RATE, KpiTarget.of("5", "20", 0));
    return new ScorecardDefinition(kpis);
  }

  /**
   * Everything wrong with this definition: weights must be integers ≥ 0 summing to 100; a
   * higher-is-better KPI needs target &gt; zero, a lower-is-better one target &lt; zero.
   */
  public List<FieldError> problems() {
    List<FieldError> errors = new ArrayList<>();
    if (kpis.isEmpty()) {
      errors.add(FieldError.field("kpis", "must name at least one KPI"));
      return errors;
    }
    int sum = 0;
    for (Map.Entry<KpiKey, KpiTarget> entry : kpis.entrySet()) {
      KpiKey key = entry.getKey();
      KpiTarget t = entry.getValue();
      String field = "kpis." + key.key();
      if (t.target() == null) {
        errors.add(FieldError.field(field + ".target", "is required"));
      }
      if (t.zero() == null) {
        errors.add(FieldError.field(field + ".zero", "is required"));
      }
      if (t.weight() < 0) {
        errors.add(FieldError.field(field + ".weight", "must be 0 or more"));
      }
      sum += t.weight();
      if (t.target() != null && t.zero() != null) {
        int cmp = t.target().compareTo(t.zero());
        if (key.higherIsBetter() && cmp <= 0) {
          errors.add(
              FieldError.field(
                  field + ".target",
                  "higher is better for "
                      + key.key()
                      + ": the target must be above the zero point ("
                      + t.zero().toPlainString()
                      + ")"));
        } else if (!key.higherIsBetter() && cmp >= 0) {
          errors.add(
              FieldError.field(
                  field + ".target",
                  "lower is better for "
                      + key.key()
                      + ": the target must be below the zero point ("
                      + t.zero().toPlainString()
                      + ")"));
        }
      }
    }
    if (sum != 100) {
      errors.add(FieldError.field("kpis", "the weights must add up to 100, they add up to " + sum));
    }
    return errors;
  }
}
