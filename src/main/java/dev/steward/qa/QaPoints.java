package dev.steward.qa;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recognition points (product.md 6: "points for good audits that agents can redeem"): a ledger per
 * agent. Every entry has a unique key (the audit and why), so a job that runs twice cannot award
 * twice; an upheld dispute that turns a pass into a fail (or back) adds a correcting entry instead
 * of changing an old one.
 */
@Component
class QaPoints {

  /** Points per passing audit. */
  static final int POINTS_PER_PASSED_AUDIT = 10;

  static final String AUDIT_PASSED = "AUDIT_PASSED";
  static final String DISPUTE_CORRECTION = "DISPUTE_CORRECTION";

  /** One ledger entry. */
  record Entry(
      String agentId,
      String auditId,
      String cycleId,
      String reason,
      int points,
      Instant awardedAt) {}

  /** An agent's place on the vendor's leaderboard. */
  record Standing(String agentId, long points) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  QaPoints(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Awards {@link #POINTS_PER_PASSED_AUDIT} for every passed audit of the cycle that does not hold
   * them yet.
   *
   * @return how many awards were made now (0 when the job runs again)
   */
  @Transactional
  public int awardCycle(QaCycle cycle, List<QaAudit> audits) {
    int awarded = 0;
    for (QaAudit audit : audits) {
      // an audit that already holds its points (e.g. from a dispute's correction) gets no more
      if (Boolean.TRUE.equals(audit.passed())
          && held(audit) < POINTS_PER_PASSED_AUDIT
          && add(audit, AUDIT_PASSED, "audit:" + audit.id() + ":passed", POINTS_PER_PASSED_AUDIT)) {
        awarded++;
      }
    }
    return awarded;
  }

  /**
   * After an upheld dispute re-scored the audit: brings the audit's points to what its current
   * result earns, with one correcting entry keyed by the dispute.
   */
  @Transactional
  public void correct(QaAudit rescored, String disputeId) {
    int due = Boolean.TRUE.equals(rescored.passed()) ? POINTS_PER_PASSED_AUDIT : 0;
    int difference = due - held(rescored);
    if (difference != 0) {
      add(rescored, DISPUTE_CORRECTION, "dispute:" + disputeId, difference);
    }
  }

  /** The points the audit's ledger entries add up to. */
  private int held(QaAudit audit) {
    Integer held =
        jdbc.queryForObject(
            "select coalesce(sum(points), 0) from qa_points where audit_id = ?",
            Integer.class,
            audit.id());
    return held == null ? 0 : held;
  }

  /** Adds the entry unless its key is taken; the unique key guards against a concurrent twin. */
  private boolean add(QaAudit audit, String reason, String key, int points) {
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from qa_points where entry_key = ?", Integer.class, key);
    if (existing != null && existing > 0) {
      return false;
    }
    jdbc.update(
        """
        insert into qa_points (vendor_id, agent_id, audit_id, cycle_id, entry_key, reason, points, awarded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        audit.vendorId(),
        audit.agentId(),
        audit.id(),
        audit.cycleId(),
        key,
        reason,
        points,
        QaStore.ts(clock.instant()));
    return true;
  }

  /** The agent's ledger, oldest first. */
  @Transactional(readOnly = true)
  public List<Entry> ledger(String vendorId, String agentId) {
    return jdbc.query(
        """
        select agent_id, audit_id, cycle_id, reason, points, awarded_at
        from qa_points where vendor_id = ? and agent_id = ? order by awarded_at, id
        """,
        (rs, row) ->
            new Entry(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                QaStore.instant(rs, 6)),
        vendorId,
        agentId);
  }

  /** The vendor's agents by points, most first (ties by agent id). */
  @Transactional(readOnly = true)
  public List<Standing> leaderboard(String vendorId) {
    return jdbc.query(
        """
        select agent_id, sum(points) as total
        from qa_points where vendor_id = ?
        group by agent_id
        order by total desc, agent_id
        """,
        (rs, row) -> new Standing(rs.getString(1), rs.getLong(2)),
        vendorId);
  }

  /** The vendor's latest ledger entries, newest first. */
  @Transactional(readOnly = true)
  public List<Entry> recent(String vendorId, int limit) {
    return jdbc.query(
        """
        select agent_id, audit_id, cycle_id, reason, points, awarded_at
        from qa_points where vendor_id = ? order by awarded_at desc, id desc
        """,
        ps -> {
          ps.setString(1, vendorId);
          ps.setMaxRows(limit);
        },
        (rs, row) ->
            new Entry(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                QaStore.instant(rs, 6)));
  }
}
