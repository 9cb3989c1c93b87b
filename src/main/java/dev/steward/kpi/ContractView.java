package dev.steward.kpi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A vendor's contract terms as {@code GET /api/vendors/{id}/contract} shows them. */
public record ContractView(
    String vendorId,
    BigDecimal monthlyFee,
    BigDecimal atRiskPercent,
    @Schema(description = "R = monthlyFee × atRiskPercent / 100") BigDecimal atRiskAmount,
    int serviceLevelThresholdSeconds,
    Map<String, BigDecimal> creditAllocations) {

  static ContractView of(String vendorId, ContractTerms terms) {
    Map<String, BigDecimal> allocations = new LinkedHashMap<>();
    terms
        .credits()
        .allocations()
        .forEach((key, percent) -> allocations.put(key.key(), Decimals.answer(percent)));
    return new ContractView(
        vendorId,
        Decimals.answer(terms.credits().monthlyFee()),
        Decimals.answer(terms.credits().atRiskPercent()),
        Decimals.answer(terms.credits().atRiskAmount()),
        terms.serviceLevelThresholdSeconds(),
        allocations);
  }
}
