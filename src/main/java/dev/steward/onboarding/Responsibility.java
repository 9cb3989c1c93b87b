package dev.steward.onboarding;

/**
 * The responsibilities the {@code ResponsibilitySplit} table assigns, by the name of their output
 * column.
 */
public enum Responsibility {
  RECRUITING("recruiting"),
  ONBOARDING_SESSIONS("onboardingSessions"),
  TRAINING("training"),
  COACHING("coaching"),
  QA("qa");

  private final String output;

  Responsibility(String output) {
    this.output = output;
  }

  /** The decision table's output name, also the field name in the API. */
  public String output() {
    return output;
  }
}
