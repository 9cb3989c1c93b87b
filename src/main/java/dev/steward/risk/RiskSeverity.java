package dev.steward.risk;

/** How bad a risk or issue is. */
public enum RiskSeverity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
