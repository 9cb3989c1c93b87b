package dev.steward.bulletin;

/**
 * What changes. The kind sets how often the acknowledgment is reminded: a stock-out matters within
 * hours, the others within days.
 */
public enum BulletinKind {
  LAUNCH("R3/P1D"),
  PROMOTION("R3/P1D"),
  STOCK_OUT("R3/PT4H"),
  POLICY("R3/P1D");

  private final String reminderCycle;

  BulletinKind(String reminderCycle) {
    this.reminderCycle = reminderCycle;
  }

  /** The ISO 8601 repeating interval of the reminder timer. */
  public String reminderCycle() {
    return reminderCycle;
  }
}
