package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.AHT_TARGET_SECONDS;
import static dev.steward.onboarding.OnboardingProcess.AT_RISK_PERCENT;
import static dev.steward.onboarding.OnboardingProcess.CSAT_TARGET;
import static dev.steward.onboarding.OnboardingProcess.FCR_TARGET;
import static dev.steward.onboarding.OnboardingProcess.KEEP_DEFAULT_KPI_TARGETS;
import static dev.steward.onboarding.OnboardingProcess.MONTHLY_FEE;
import static dev.steward.onboarding.OnboardingProcess.SERVICE_LEVEL_THRESHOLD_SECONDS;

import dev.steward.kpi.ContractRequest;
import dev.steward.kpi.KpiKey;
import dev.steward.kpi.KpiTarget;
import dev.steward.kpi.ScorecardDefinition;
import dev.steward.platform.FieldError;
import dev.steward.platform.ProcessVariable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the relationship manager agreed in {@code Form_AgreeContractAndKpiTargets}: the contract
 * terms, and either the default KPI targets or new targets for CSAT, FCR and AHT (the other KPIs
 * keep their defaults). The contract credits each weighted KPI of the scorecard with its weight as
 * a share of the at-risk amount, so the credits follow the scorecard.
 */
record ContractAndTargets(
    BigDecimal monthlyFee,
    BigDecimal atRiskPercent,
    BigDecimal serviceLevelThresholdSeconds,
    boolean keepDefaultKpiTargets,
    BigDecimal csatTarget,
    BigDecimal fcrTarget,
    BigDecimal ahtTargetSeconds) {

  private static final BigDecimal MAX_FEE = new BigDecimal("1000000000000");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Read from the form's variables; an unreadable number reads as {@code null}. */
  static ContractAndTargets from(VariableScope scope) {
    Boolean keep = KEEP_DEFAULT_KPI_TARGETS.from(scope);
    return new ContractAndTargets(
        decimal(MONTHLY_FEE, scope),
        decimal(AT_RISK_PERCENT, scope),
        decimal(SERVICE_LEVEL_THRESHOLD_SECONDS, scope),
        // a client that leaves the checkbox out keeps the defaults, as the form does
        keep == null || keep,
        decimal(CSAT_TARGET, scope),
        decimal(FCR_TARGET, scope),
        decimal(AHT_TARGET_SECONDS, scope));
  }

  /** Everything wrong, each error naming the form field. */
  List<FieldError> problems() {
    List<FieldError> errors = new ArrayList<>();
    if (monthlyFee == null) {
      errors.add(FieldError.field(MONTHLY_FEE.name(), "is required: an amount ≥ 0"));
    } else if (monthlyFee.signum() < 0
        || monthlyFee.compareTo(MAX_FEE) >= 0
        || !atMostTwoDecimals(monthlyFee)) {
      errors.add(
          FieldError.field(
              MONTHLY_FEE.name(),
              "must be an amount from 0 to 999999999999.99 with at most 2 decimal places"));
    }
    if (atRiskPercent == null) {
      errors.add(FieldError.field(AT_RISK_PERCENT.name(), "is required: a percentage 0-100"));
    } else if (atRiskPercent.signum() < 0
        || atRiskPercent.compareTo(HUNDRED) > 0
        || !atMostTwoDecimals(atRiskPercent)) {
      errors.add(
          FieldError.field(
              AT_RISK_PERCENT.name(),
              "must be a percentage from 0 to 100 with at most 2 decimal places"));
    }
    if (serviceLevelThresholdSeconds == null) {
      errors.add(
          FieldError.field(
              SERVICE_LEVEL_THRESHOLD_SECONDS.name(), "is required: whole seconds from 1 to 3600"));
    } else if (serviceLevelThresholdSeconds.stripTrailingZeros().scale() > 0
        || serviceLevelThresholdSeconds.compareTo(BigDecimal.ONE) < 0
        || serviceLevelThresholdSeconds.compareTo(BigDecimal.valueOf(3600)) > 0) {
      errors.add(
          FieldError.field(
              SERVICE_LEVEL_THRESHOLD_SECONDS.name(), "must be whole seconds from 1 to 3600"));
    }
    Map<KpiKey, ProcessVariable<Object>> fields = targetFields();
    Map<KpiKey, BigDecimal> targets = targets();
    if (keepDefaultKpiTargets) {
      targets.forEach(
          (key, target) ->
              errors.add(
                  FieldError.field(
                      fields.get(key).name(),
                      "is set only when the default KPI targets are not kept"
                          + " (keepDefaultKpiTargets false)")));
      return errors;
    }
    targets.forEach(
        (key, target) -> {
          String field = fields.get(key).name();
          if (!atMostTwoDecimals(target)) {
            errors.add(FieldError.field(field, "must have at most 2 decimal places"));
          } else if (target.signum() <= 0) {
            errors.add(FieldError.field(field, "must be more than 0"));
          } else if (key != KpiKey.AHT && target.compareTo(HUNDRED) > 0) {
            errors.add(FieldError.field(field, "is a percentage: at most 100"));
          }
        });
    List<String> reported = errors.stream().map(FieldError::field).toList();
    for (FieldError problem : scorecard().problems()) {
      // kpis.csat.target -> csatTarget: the scorecard names its KPIs, the form its fields
      for (Map.Entry<KpiKey, ProcessVariable<Object>> field : fields.entrySet()) {
        if (problem.field() != null
            && problem.field().equals("kpis." + field.getKey().key() + ".target")
            && !reported.contains(field.getValue().name())) {
          errors.add(FieldError.field(field.getValue().name(), problem.message()));
        }
      }
    }
    return errors;
  }

  /** The scorecard: the defaults, with the targets the relationship manager set. */
  ScorecardDefinition scorecard() {
    ScorecardDefinition defaults = ScorecardDefinition.defaults();
    if (keepDefaultKpiTargets) {
      return defaults;
    }
    Map<KpiKey, KpiTarget> kpis = new EnumMap<>(defaults.kpis());
    targets()
        .forEach(
            (key, target) -> {
              KpiTarget standard = defaults.kpis().get(key);
              kpis.put(key, new KpiTarget(target, standard.zero(), standard.weight()));
            });
    return new ScorecardDefinition(kpis);
  }

  /** The contract: every weighted KPI credited with its weight as a share of the at-risk amount. */
  ContractRequest contract() {
    Map<String, BigDecimal> allocations = new LinkedHashMap<>();
    scorecard()
        .kpis()
        .forEach(
            (key, target) -> {
              if (target.weight() > 0) {
                allocations.put(key.key(), BigDecimal.valueOf(target.weight()));
              }
            });
    return new ContractRequest(
        monthlyFee, atRiskPercent, serviceLevelThresholdSeconds, allocations);
  }

  private Map<KpiKey, BigDecimal> targets() {
    Map<KpiKey, BigDecimal> targets = new EnumMap<>(KpiKey.class);
    if (csatTarget != null) {
      targets.put(KpiKey.CSAT, csatTarget);
    }
    if (fcrTarget != null) {
      targets.put(KpiKey.FCR, fcrTarget);
    }
    if (ahtTargetSeconds != null) {
      targets.put(KpiKey.AHT, ahtTargetSeconds);
    }
    return targets;
  }

  private static Map<KpiKey, ProcessVariable<Object>> targetFields() {
    Map<KpiKey, ProcessVariable<Object>> fields = new EnumMap<>(KpiKey.class);
    fields.put(KpiKey.CSAT, CSAT_TARGET);
    fields.put(KpiKey.FCR, FCR_TARGET);
    fields.put(KpiKey.AHT, AHT_TARGET_SECONDS);
    return fields;
  }

  private static boolean atMostTwoDecimals(BigDecimal value) {
    return value.stripTrailingZeros().scale() <= 2;
  }

  private static BigDecimal decimal(ProcessVariable<Object> variable, VariableScope scope) {
    Object value = variable.from(scope);
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return new BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
