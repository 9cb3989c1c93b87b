package dev.steward.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every vendor decision (product.md: "every vendor decision is a process instance
 * with its inputs, approvers and timestamps: an audit trail that can be exported"). Each slice
 * writes its decisions here in the decision's own transaction; {@code GET
 * /api/vendors/{id}/decisions} reads them. Idempotent per (task, vendor, kind): a retried job
 * records a decision once.
 */
@Component
public class DecisionLog {

  /** What was decided. */
  public enum Kind {
    VENDOR_SELECTION,
    PILOT_GO_NO_GO,
    QBR_OUTCOME,
    TRANSITION_APPROVAL,
    TRANSITION_CUT_OVER
  }

  /**
   * One decision.
   *
   * @param vendorId the vendor it concerns (a selection round records one per candidate)
   * @param outcome e.g. SELECTED, NOT_SELECTED, GO, NO_GO, RECOGNIZE, APPROVED, REJECTED
   * @param inputs what the decider saw (a ranking, a comparison, the quarter's facts) as text
   * @param taskId the user task that decided, or {@code null} for a decision a rule made (DMN)
   * @param subjectId the round, pilot, review or transition id
   */
  public record Decision(
      String vendorId,
      Kind kind,
      String outcome,
      String decidedBy,
      Instant decidedAt,
      String reason,
      String inputs,
      String processInstanceId,
      String taskId,
      String subjectId) {}

  private final JdbcTemplate jdbc;

  public DecisionLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the decision unless the same task already recorded it for that vendor and kind. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(Decision d) {
    if (d.taskId() != null
        && jdbc.queryForObject(
                "select count(*) from decision_record where task_id = ? and vendor_id = ? and kind = ?",
                Integer.class,
                d.taskId(),
                d.vendorId(),
                d.kind().name())
            > 0) {
      return;
    }
    jdbc.update(
        """
        insert into decision_record (vendor_id, kind, outcome, decided_by, decided_at, reason, inputs,
                                     process_instance_id, task_id, subject_id)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        d.vendorId(),
        d.kind().name(),
        d.outcome(),
        d.decidedBy(),
        Timestamp.from(d.decidedAt()),
        cut(d.reason(), 4000),
        cut(d.inputs(), 8000),
        d.processInstanceId(),
        d.taskId(),
        d.subjectId());
  }

  /** The vendor's decisions, oldest first. Not scoped: the caller checks the vendor. */
  @Transactional(readOnly = true)
  public List<Decision> of(String vendorId) {
    return jdbc.query(
        """
        select vendor_id, kind, outcome, decided_by, decided_at, reason, inputs, process_instance_id,
               task_id, subject_id
        from decision_record where vendor_id = ? order by decided_at, id
        """,
        (rs, row) ->
            new Decision(
                rs.getString(1),
                Kind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant(),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10)),
        vendorId);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
