package dev.steward.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls until a condition holds, failing with a description of what was still missing. */
final class Awaits {

  private Awaits() {}

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    await(what, timeout, condition, () -> "");
  }

  static void await(
      String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + timeout + ": " + what + " " + state.get());
      }
      StewardNode.sleep(250);
    }
  }

  /** Prints how long a scenario took (the group's run time is reported per scenario). */
  static void report(String scenario, long startNanos) {
    System.out.printf(
        "[reliability] %s took %.1f s%n", scenario, (System.nanoTime() - startNanos) / 1e9);
  }
}
