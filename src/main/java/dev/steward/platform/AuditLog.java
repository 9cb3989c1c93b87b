package dev.steward.platform;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's own audit log of domain changes: who did what to which object, written in the
 * same transaction as the change (so a rolled-back change leaves no entry). Engine actions are in
 * Camunda's user operation log.
 */
@Component
public class AuditLog {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AuditLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      String actor, String action, String subjectType, String subjectId, String detail) {
    jdbc.update(
        "insert into audit_event (occurred_at, actor, action, subject_type, subject_id, detail) values (?, ?, ?, ?, ?, ?)",
        Timestamp.from(clock.instant()),
        actor,
        action,
        subjectType,
        subjectId,
        detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)));
  }
}
