package dev.steward.escalation;

/** Root causes offered by the resolution form; they feed the risk and issue log. */
public enum RootCause {
  TRAINING_GAP,
  PROCESS_GAP,
  KNOWLEDGE_BASE,
  TOOLING,
  STAFFING,
  PRODUCT_DEFECT,
  POLICY,
  CUSTOMER_ERROR,
  OTHER
}
