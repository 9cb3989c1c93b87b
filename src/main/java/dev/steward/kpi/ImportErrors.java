package dev.steward.kpi;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The errors of one file: every one is counted, the first {@value #LISTED} (by line) are kept for
 * the answer.
 */
final class ImportErrors {

  static final int LISTED = 1000;

  private List<FieldError> listed = new ArrayList<>();
  private long total;

  /** Adds an error; errors must be added in line order. */
  void add(long line, String column, String message) {
    total++;
    if (listed.size() < LISTED) {
      listed.add(FieldError.line(line, column, message));
    }
  }

  /**
   * Adds errors found by a second pass over the file (in line order themselves), keeping the first
   * {@value #LISTED} of both passes by line.
   *
   * @param found the first of them, at most {@value #LISTED}
   * @param foundTotal how many there are in all
   */
  void addSecondPass(List<FieldError> found, long foundTotal) {
    // when this pass's list is cut off, an error after its last line may come after unlisted ones
    // of this pass
    long lastLine = total > listed.size() ? listed.get(listed.size() - 1).line() : Long.MAX_VALUE;
    List<FieldError> merged = new ArrayList<>(listed);
    found.stream().filter(e -> e.line() <= lastLine).forEach(merged::add);
    merged.sort(Comparator.comparing(FieldError::line));
    listed = new ArrayList<>(merged.subList(0, Math.min(LISTED, merged.size())));
    total += foundTotal;
  }

  boolean any() {
    return total > 0;
  }

  long total() {
    return total;
  }

  List<FieldError> listed() {
    return List.copyOf(listed);
  }

  InvalidDataException toException() {
    String detail =
        total == 1
            ? "The file has 1 error; nothing was stored"
            : "The file has " + total + " errors; nothing was stored";
    if (total > listed.size()) {
      detail += ". The first " + listed.size() + " are listed";
    }
    return new InvalidDataException(detail, listed);
  }
}
