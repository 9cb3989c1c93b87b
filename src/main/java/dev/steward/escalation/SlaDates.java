package dev.steward.escalation;

import java.time.Duration;
import java.time.Instant;

/** The due dates of one escalation: reminder at 75 % of the response time (kpis.md). */
record SlaDates(Instant responseDueAt, Instant reminderAt, Instant resolutionDueAt) {

  static SlaDates from(Instant filedAt, Duration responseTime, Duration resolutionTime) {
    Duration reminderOffset = responseTime.multipliedBy(3).dividedBy(4);
    return new SlaDates(
        filedAt.plus(responseTime), filedAt.plus(reminderOffset), filedAt.plus(resolutionTime));
  }
}
