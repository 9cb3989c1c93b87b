package dev.steward.risk;

/** Where a risk item stands; DONE and CANCELLED are closed. */
public enum RiskStatus {
  OPEN,
  IN_PROGRESS,
  DONE,
  CANCELLED;

  public boolean isClosed() {
    return this == DONE || this == CANCELLED;
  }
}
