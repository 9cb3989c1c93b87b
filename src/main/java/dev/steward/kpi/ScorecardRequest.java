package dev.steward.kpi;

import dev.steward.platform.BadRequestException;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Body of {@code PUT /api/vendors/{id}/scorecard}: the KPIs the vendor is scored on. */
public record ScorecardRequest(
    @Schema(
            description =
                "KPI key (csat, nps, ces, fcr, aht, serviceLevel, abandonRate) to its target, zero point and weight;"
                    + " weights are whole numbers ≥ 0 adding up to 100",
            example =
                "{\"csat\": {\"target\": 85, \"zero\": 0, \"weight\": 50}, \"aht\": {\"target\": 360, \"zero\": 720,"
                    + " \"weight\": 50}}")
        Map<String, KpiSetting> kpis) {

  /**
   * One KPI: target {@code t}, zero point {@code z} (where its score reaches 0), weight {@code w}.
   */
  public record KpiSetting(
      @Schema(example = "85", description = "at most 2 decimal places") BigDecimal target,
      @Schema(example = "0", description = "at most 2 decimal places") BigDecimal zero,
      @Schema(example = "20", description = "a whole number from 0 to 100") BigDecimal weight) {}

  static final String ALLOWED_KEYS =
      Arrays.stream(KpiKey.values()).map(KpiKey::key).collect(Collectors.joining(", "));

  public static ScorecardRequest of(ScorecardDefinition definition) {
    Map<String, KpiSetting> kpis = new LinkedHashMap<>();
    definition
        .kpis()
        .forEach(
            (key, t) ->
                kpis.put(
                    key.key(),
                    new KpiSetting(t.target(), t.zero(), BigDecimal.valueOf(t.weight()))));
    return new ScorecardRequest(kpis);
  }

  /**
   * The definition this request describes.
   *
   * @throws BadRequestException naming every unknown KPI key
   * @throws InvalidDataException with everything wrong with the values (kpis.md "Balanced
   *     scorecard")
   */
  ScorecardDefinition toDefinition() {
    if (kpis == null) {
      throw InvalidDataException.of(
          "kpis",
          "is required: an object from KPI keys (" + ALLOWED_KEYS + ") to {target, zero, weight}");
    }
    List<FieldError> unknown =
        kpis.keySet().stream()
            .filter(key -> KpiKey.of(key).isEmpty())
            .map(key -> FieldError.field("kpis." + key, "unknown KPI; allowed: " + ALLOWED_KEYS))
            .toList();
    if (!unknown.isEmpty()) {
      throw new BadRequestException("The scorecard names unknown KPIs", unknown);
    }
    List<FieldError> errors = new ArrayList<>();
    boolean weightsReadable = true;
    Map<KpiKey, KpiTarget> targets = new EnumMap<>(KpiKey.class);
    for (Map.Entry<String, KpiSetting> entry : kpis.entrySet()) {
      KpiKey key = KpiKey.of(entry.getKey()).orElseThrow();
      String field = "kpis." + key.key();
      KpiSetting kpi = entry.getValue();
      if (kpi == null) {
        errors.add(FieldError.field(field, "is required: {target, zero, weight}"));
        weightsReadable = false;
        continue;
      }
      BigDecimal target = checked(kpi.target(), field + ".target", errors);
      BigDecimal zero = checked(kpi.zero(), field + ".zero", errors);
      int weight = 0;
      if (kpi.weight() == null) {
        errors.add(
            FieldError.field(field + ".weight", "is required: a whole number from 0 to 100"));
        weightsReadable = false;
      } else if (!Decimals.wholeNumber(kpi.weight())
          || kpi.weight().compareTo(BigDecimal.valueOf(100)) > 0) {
        errors.add(FieldError.field(field + ".weight", "must be a whole number from 0 to 100"));
        weightsReadable = false;
      } else if (kpi.weight().signum() >= 0) {
        weight = kpi.weight().intValueExact();
      } else {
        // negative: the definition's own check says so
        weight = kpi.weight().max(BigDecimal.valueOf(-1000)).intValueExact();
      }
      targets.put(key, new KpiTarget(target, zero, weight));
    }
    ScorecardDefinition definition = new ScorecardDefinition(targets);
    Set<String> reported = errors.stream().map(FieldError::field).collect(Collectors.toSet());
    boolean sumKnown = weightsReadable;
    definition.problems().stream()
        .filter(e -> !reported.contains(e.field()))
        // the weights cannot be added up while one of them is missing or unreadable
        .filter(e -> sumKnown || !e.field().equals("kpis") || kpis.isEmpty())
        .forEach(errors::add);
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The scorecard is invalid", errors);
    }
    return definition;
  }

  private static BigDecimal checked(BigDecimal value, String field, List<FieldError> errors) {
    if (value == null) {
      errors.add(FieldError.field(field, "is required"));
      return null;
    }
    if (!Decimals.fits(value, 10, 2)) {
      errors.add(
          FieldError.field(
              field,
              "must be a number between -9999999999.99 and 9999999999.99 with at most 2 decimal places"));
      return null;
    }
    return value;
  }
}
