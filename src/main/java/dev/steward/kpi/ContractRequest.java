package dev.steward.kpi;

import dev.steward.platform.BadRequestException;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Body of {@code PUT /api/vendors/{id}/contract}: the contract terms that drive service credits and
 * service level.
 */
public record ContractRequest(
    @Schema(example = "120000.00", description = "monthly fee F, ≥ 0, at most 2 decimal places")
        BigDecimal monthlyFee,
    @Schema(
            example = "10",
            description = "at-risk share A in %, 0–100: the at-risk amount is R = F·A/100")
        BigDecimal atRiskPercent,
    @Schema(
            example = "20",
            description = "service-level threshold T in seconds, a whole number from 1 to 3600")
        BigDecimal serviceLevelThresholdSeconds,
    @Schema(
            example = "{\"csat\": 30, \"fcr\": 30, \"aht\": 20, \"serviceLevel\": 20}",
            description =
                "share of R (0–100 %) credited when the KPI misses its target in a month; only KPIs of the"
                    + " vendor's scorecard; the month's credit is capped at R")
        Map<String, BigDecimal> creditAllocations) {

  static final int MAX_THRESHOLD_SECONDS = 3600;
  private static final String AMOUNT =
      "an amount from 0 to 999999999999.99 with at most 2 decimal places";
  private static final String PERCENT = "a percentage from 0 to 100 with at most 2 decimal places";

  public static ContractRequest of(ContractTerms terms) {
    Map<String, BigDecimal> allocations = new LinkedHashMap<>();
    terms.credits().allocations().forEach((key, percent) -> allocations.put(key.key(), percent));
    return new ContractRequest(
        terms.credits().monthlyFee(),
        terms.credits().atRiskPercent(),
        BigDecimal.valueOf(terms.serviceLevelThresholdSeconds()),
        allocations);
  }

  /**
   * The terms this request describes, checked against the vendor's scorecard (a credited KPI needs
   * a target).
   *
   * @throws BadRequestException naming every unknown KPI key
   * @throws InvalidDataException with everything wrong with the values
   */
  ContractTerms toTerms(ScorecardDefinition scorecard) {
    Map<String, BigDecimal> given = creditAllocations == null ? Map.of() : creditAllocations;
    List<FieldError> unknown =
        given.keySet().stream()
            .filter(key -> KpiKey.of(key).isEmpty())
            .map(
                key ->
                    FieldError.field(
                        "creditAllocations." + key,
                        "unknown KPI; allowed: " + ScorecardRequest.ALLOWED_KEYS))
            .toList();
    if (!unknown.isEmpty()) {
      throw new BadRequestException("The contract names unknown KPIs", unknown);
    }
    List<FieldError> errors = new ArrayList<>();
    BigDecimal fee = checked(monthlyFee, "monthlyFee", 12, AMOUNT, errors);
    BigDecimal atRisk = checked(atRiskPercent, "atRiskPercent", 3, PERCENT, errors);
    int threshold = ContractTerms.DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS;
    if (serviceLevelThresholdSeconds == null) {
      errors.add(
          FieldError.field(
              "serviceLevelThresholdSeconds", "is required: whole seconds from 1 to 3600"));
    } else if (!Decimals.wholeNumber(serviceLevelThresholdSeconds)
        || serviceLevelThresholdSeconds.compareTo(BigDecimal.ONE) < 0
        || serviceLevelThresholdSeconds.compareTo(BigDecimal.valueOf(MAX_THRESHOLD_SECONDS)) > 0) {
      errors.add(
          FieldError.field("serviceLevelThresholdSeconds", "must be whole seconds from 1 to 3600"));
    } else {
      threshold = serviceLevelThresholdSeconds.intValueExact();
    }
    Map<KpiKey, BigDecimal> allocations = new EnumMap<>(KpiKey.class);
    given.forEach(
        (key, percent) -> {
          BigDecimal checked = checked(percent, "creditAllocations." + key, 3, PERCENT, errors);
          // ServiceCreditTerms checks the range; an unreadable value is left out so it is reported
          // once
          if (checked != null || percent == null) {
            allocations.put(KpiKey.of(key).orElseThrow(), checked);
          }
        });
    ServiceCreditTerms credits =
        new ServiceCreditTerms(
            fee == null ? BigDecimal.ZERO : fee,
            atRisk == null ? BigDecimal.ZERO : atRisk,
            allocations);
    Set<String> reported = errors.stream().map(FieldError::field).collect(Collectors.toSet());
    credits.problems(scorecard).stream()
        // ServiceCreditTerms names the allocations as in the domain; the body calls them
        // creditAllocations
        .map(
            e ->
                e.field().startsWith("allocations.")
                    ? FieldError.field("credit" + capitalised(e.field()), e.message())
                    : e)
        .filter(e -> !reported.contains(e.field()))
        .forEach(errors::add);
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The contract terms are invalid", errors);
    }
    return new ContractTerms(credits, threshold);
  }

  private static String capitalised(String field) {
    return Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  private static BigDecimal checked(
      BigDecimal value, String field, int integerDigits, String allowed, List<FieldError> errors) {
    if (value == null) {
      errors.add(FieldError.field(field, "is required: " + allowed));
      return null;
    }
    if (!Decimals.fits(value, integerDigits, 2)) {
      errors.add(FieldError.field(field, "must be " + allowed));
      return null;
    }
    return value;
  }
}
