package dev.steward.kpi;

/**
 * What a vendor's contract says about its numbers: the service-credit terms (monthly fee, at-risk
 * share, allocation per KPI) and the service-level threshold T (kpis.md: a queued contact answered
 * within T seconds counts as answered in time).
 */
public record ContractTerms(ServiceCreditTerms credits, int serviceLevelThresholdSeconds) {

  /** The service-level threshold of a vendor without a contract (kpis.md). */
  public static final int DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS = 20;

  public static ContractTerms none() {
    return new ContractTerms(ServiceCreditTerms.none(), DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS);
  }
}
