package dev.steward.platform;

import static dev.steward.platform.ProcessVariable.stringVariable;

/** What every Steward process has in common, so generic code (the task API) can rely on it. */
public final class ProcessConventions {

  /**
   * Every process instance carries the vendor it concerns; vendor scoping of tasks relies on it.
   */
  public static final ProcessVariable<String> VENDOR_ID = stringVariable("vendorId");

  private ProcessConventions() {}
}
