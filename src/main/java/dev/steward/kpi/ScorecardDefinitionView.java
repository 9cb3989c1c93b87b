package dev.steward.kpi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A vendor's scorecard definition as the API shows it: the KPIs with target, zero point and weight.
 */
public record ScorecardDefinitionView(String vendorId, Map<String, KpiDefinition> kpis) {

  /** One KPI's target, zero point and weight. */
  public record KpiDefinition(BigDecimal target, BigDecimal zero, int weight) {}

  static ScorecardDefinitionView of(String vendorId, ScorecardDefinition definition) {
    Map<String, KpiDefinition> kpis = new LinkedHashMap<>();
    definition
        .kpis()
        .forEach(
            (key, t) ->
                kpis.put(
                    key.key(),
                    new KpiDefinition(
                        Decimals.answer(t.target()), Decimals.answer(t.zero()), t.weight())));
    return new ScorecardDefinitionView(vendorId, kpis);
  }
}
