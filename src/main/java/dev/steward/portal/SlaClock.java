package dev.steward.portal;

import dev.steward.escalation.EscalationStatus;
import dev.steward.escalation.EscalationView;
import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clock of an escalation as the portal shows it, computed on the server: which deadline
 * runs (first response, then resolution), the time left or how long it is overdue, and a tone for
 * the badge.
 *
 * @param tone {@code good}, {@code warn} (less than a quarter of the time left), {@code bad}
 *     (breached) or {@code neutral} (no clock runs)
 */
public record SlaClock(String label, String text, String tone, Instant due) {

  static SlaClock of(EscalationView e, Instant now) {
    if (e.status() == EscalationStatus.CLOSED) {
      return new SlaClock("Closed", "closed", "neutral", null);
    }
    if (e.status() == EscalationStatus.RESOLVED) {
      return new SlaClock(
          "Resolution", e.resolutionBreached() ? "resolved late" : "resolved", "good", null);
    }
    if (e.respondedAt() == null) {
      return clock("First response", e.filedAt(), e.responseDueAt(), e.responseBreached(), now);
    }
    return clock("Resolution", e.respondedAt(), e.resolutionDueAt(), e.resolutionBreached(), now);
  }

  private static SlaClock clock(
      String label, Instant start, Instant due, boolean breached, Instant now) {
    if (due == null) {
      return new SlaClock(label, "SLA being set", "neutral", null);
    }
    Duration left = Duration.between(now, due);
    if (breached || left.isNegative() || left.isZero()) {
      return new SlaClock(label, "overdue by " + human(left.negated()), "bad", due);
    }
    Duration whole = start == null ? left : Duration.between(start, due);
    boolean short_ = !whole.isZero() && left.toMillis() * 4 < whole.toMillis();
    return new SlaClock(label, human(left) + " left", short_ ? "warn" : "good", due);
  }

  /** "2 d 3 h", "5 h 12 min", "9 min". */
  static String human(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return days + " d " + hours + " h";
    }
    if (hours > 0) {
      return hours + " h " + mins + " min";
    }
    return mins + " min";
  }
}
