package dev.steward.qa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The QA cycle tables ({@code qa_cycle*}, {@code qa_audit*}, {@code qa_dispute}, {@code
 * qa_coaching}, {@code qa_agent_flag}) over JDBC. Not scoped: the services check the caller's
 * vendor first. Every write runs in the caller's transaction.
 */
@Repository
class QaStore {

  private static final String CYCLE_COLUMNS =
      """
      id, vendor_id, period_label, period_start, period_end, confidence, margin, min_per_agent, seed,
      pass_mark, population, required_sample_size, sample_size, status, process_instance_id, created_at,
      created_by, results_published_at, dispute_window_ends_at, dispute_window_closed_at, closed_at
      """;

  private static final String AUDIT_COLUMNS =
      """
      id, cycle_id, vendor_id, interaction_id, agent_id, channel, interaction_started_at, drawn_by, status,
      revision, score, passed, auto_failed, feedback, analyst, audited_at
      """;

  private static final String DISPUTE_COLUMNS =
      """
      id, audit_id, cycle_id, vendor_id, reason, status, filed_by, filed_at, decided_by, decided_at,
      decision_note
      """;

  private static final String COACHING_COLUMNS =
      """
      id, cycle_id, vendor_id, agent_id, qa_score, focus, status, note, coached_by, created_at, completed_at
      """;

  private final JdbcTemplate jdbc;

  QaStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- cycles

  void insertCycle(QaCycle c) {
    jdbc.update(
        "insert into qa_cycle ("
            + CYCLE_COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id(),
        c.vendorId(),
        c.period(),
        ts(c.periodStart()),
        ts(c.periodEnd()),
        c.confidence(),
        c.margin(),
        c.minPerAgent(),
        c.seed(),
        c.passMark(),
        c.population(),
        c.requiredSampleSize(),
        c.sampleSize(),
        c.status().name(),
        c.processInstanceId(),
        ts(c.createdAt()),
        c.createdBy(),
        ts(c.resultsPublishedAt()),
        ts(c.disputeWindowEndsAt()),
        ts(c.disputeWindowClosedAt()),
        ts(c.closedAt()));
  }

  /** Copies the scorecard the cycle's audits are scored with. */
  void insertCategories(String cycleId, QaScorecard scorecard) {
    QaCategoryRows.insert(jdbc, "qa_cycle_category", "cycle_id", cycleId, scorecard.categories());
  }

  Optional<QaCycle> cycle(String id) {
    return one(jdbc.query("select " + CYCLE_COLUMNS + " from qa_cycle where id = ?", CYCLE, id));
  }

  /** The cycle, its row locked until the transaction ends (serialises the steps of one cycle). */
  Optional<QaCycle> lockCycle(String id) {
    return one(
        jdbc.query(
            "select " + CYCLE_COLUMNS + " from qa_cycle where id = ? for update", CYCLE, id));
  }

  Optional<QaCycle> cycleOfProcess(String processInstanceId) {
    return one(
        jdbc.query(
            "select " + CYCLE_COLUMNS + " from qa_cycle where process_instance_id = ?",
            CYCLE,
            processInstanceId));
  }

  /** The vendor's cycles, the latest month first. */
  /**
   * Every cycle of every vendor with its vendor-level counts, aggregated in the database in one
   * query (the executive dashboard), newest first within each vendor.
   */
  List<VendorQaResult> resultsOfAll() {
    return jdbc.query(
        """
        select c.vendor_id, c.id, c.period_label, c.status, count(a.id), count(a.score),
               coalesce(sum(case when a.score is not null and a.passed then 1 else 0 end), 0),
               avg(a.score)
        from qa_cycle c left join qa_audit a on a.cycle_id = c.id
        group by c.vendor_id, c.id, c.period_label, c.status, c.period_start, c.created_at
        order by c.vendor_id, c.period_start desc, c.created_at desc
        """,
        (rs, row) -> {
          long scored = rs.getLong(6);
          long passed = rs.getLong(7);
          double mean = rs.getDouble(8);
          return new VendorQaResult(
              rs.getString(1),
              new QaCycleResult(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getLong(5),
                  scored,
                  passed,
                  scored == 0 ? null : mean,
                  scored == 0 ? null : (double) passed / scored),
              WilsonInterval.of(passed, scored));
        });
  }

  List<QaCycle> cycles(String vendorId) {
    return jdbc.query(
        "select "
            + CYCLE_COLUMNS
            + " from qa_cycle where vendor_id = ? order by period_start desc, created_at desc",
        CYCLE,
        vendorId);
  }

  /**
   * The cycle before this one: the vendor's latest other cycle of an earlier month whose results
   * are published.
   */
  Optional<QaCycle> previousPublished(QaCycle cycle) {
    return one(
        jdbc.query(
            "select "
                + CYCLE_COLUMNS
                + """
                 from qa_cycle
                where vendor_id = ? and id <> ? and period_start < ? and results_published_at is not null
                order by period_start desc, results_published_at desc
                limit 1
                """,
            CYCLE,
            cycle.vendorId(),
            cycle.id(),
            ts(cycle.periodStart())));
  }

  QaScorecard scorecard(QaCycle cycle) {
    return new QaScorecard(
        QaCategoryRows.read(jdbc, "qa_cycle_category", "cycle_id", cycle.id()), cycle.passMark());
  }

  void sampleDrawn(String cycleId, long population, int requiredSampleSize, int sampleSize) {
    jdbc.update(
        "update qa_cycle set population = ?, required_sample_size = ?, sample_size = ? where id = ?",
        population,
        requiredSampleSize,
        sampleSize,
        cycleId);
  }

  void attachProcess(String cycleId, String processInstanceId) {
    jdbc.update(
        "update qa_cycle set process_instance_id = ? where id = ?", processInstanceId, cycleId);
  }

  void published(String cycleId, Instant at, Instant windowEndsAt) {
    jdbc.update(
        "update qa_cycle set status = ?, results_published_at = ?, dispute_window_ends_at = ? where id = ?",
        QaCycle.Status.RESULTS_PUBLISHED.name(),
        ts(at),
        ts(windowEndsAt),
        cycleId);
  }

  void disputeWindowClosed(String cycleId, Instant at) {
    jdbc.update(
        "update qa_cycle set dispute_window_closed_at = ? where id = ? and dispute_window_closed_at is null",
        ts(at),
        cycleId);
  }

  void closed(String cycleId, Instant at) {
    jdbc.update(
        "update qa_cycle set status = ?, closed_at = ? where id = ? and closed_at is null",
        QaCycle.Status.CLOSED.name(),
        ts(at),
        cycleId);
  }

  // --- audits

  /** Inserts new (open) audits in JDBC batches. */
  void insertAudits(List<QaAudit> audits) {
    jdbc.batchUpdate(
        "insert into qa_audit ("
            + AUDIT_COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        audits,
        500,
        (ps, a) -> {
          ps.setString(1, a.id());
          ps.setString(2, a.cycleId());
          ps.setString(3, a.vendorId());
          ps.setString(4, a.interactionId());
          ps.setString(5, a.agentId());
          ps.setString(6, a.channel());
          ps.setObject(7, ts(a.interactionStartedAt()));
          ps.setString(8, a.drawnBy());
          ps.setString(9, a.status().name());
          ps.setInt(10, a.revision());
          ps.setObject(11, a.score(), java.sql.Types.DOUBLE);
          ps.setObject(12, a.passed(), java.sql.Types.BOOLEAN);
          ps.setObject(13, a.autoFailed(), java.sql.Types.BOOLEAN);
          ps.setString(14, a.feedback());
          ps.setString(15, a.analyst());
          ps.setObject(16, ts(a.auditedAt()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        });
  }

  /** The cycle's audits by interaction id. */
  List<QaAudit> audits(String cycleId) {
    return jdbc.query(
        "select " + AUDIT_COLUMNS + " from qa_audit where cycle_id = ? order by interaction_id",
        AUDIT,
        cycleId);
  }

  Optional<QaAudit> audit(String id) {
    return one(jdbc.query("select " + AUDIT_COLUMNS + " from qa_audit where id = ?", AUDIT, id));
  }

  /** The audit, its row locked until the transaction ends. */
  Optional<QaAudit> lockAudit(String id) {
    return one(
        jdbc.query(
            "select " + AUDIT_COLUMNS + " from qa_audit where id = ? for update", AUDIT, id));
  }

  /** Stores a new revision and makes it the audit's current one. */
  void addRevision(AuditRevision r) {
    jdbc.update(
        """
        insert into qa_audit_revision (audit_id, revision, reason, dispute_id, score, passed, auto_failed,
            feedback, recorded_by, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        r.auditId(),
        r.revision(),
        r.reason(),
        r.disputeId(),
        r.score(),
        r.passed(),
        r.autoFailed(),
        r.feedback(),
        r.recordedBy(),
        ts(r.recordedAt()));
    jdbc.batchUpdate(
        "insert into qa_audit_rating (audit_id, revision, category, rating, category_score) values (?, ?, ?, ?, ?)",
        r.ratings(),
        100,
        (ps, rating) -> {
          ps.setString(1, r.auditId());
          ps.setInt(2, r.revision());
          ps.setString(3, rating.category());
          ps.setObject(4, rating.rating(), java.sql.Types.INTEGER);
          ps.setObject(5, rating.categoryScore(), java.sql.Types.DOUBLE);
        });
    if (r.revision() == 1) {
      // the analyst's audit: who audited and when stay those of the first revision
      jdbc.update(
          """
          update qa_audit set status = ?, revision = ?, score = ?, passed = ?, auto_failed = ?, feedback = ?,
              analyst = ?, audited_at = ?
          where id = ?
          """,
          QaAudit.Status.DONE.name(),
          r.revision(),
          r.score(),
          r.passed(),
          r.autoFailed(),
          r.feedback(),
          r.recordedBy(),
          ts(r.recordedAt()),
          r.auditId());
    } else {
      jdbc.update(
          "update qa_audit set revision = ?, score = ?, passed = ?, auto_failed = ?, feedback = ? where id = ?",
          r.revision(),
          r.score(),
          r.passed(),
          r.autoFailed(),
          r.feedback(),
          r.auditId());
    }
  }

  /** Every revision of the audit, the first first, each with its ratings. */
  List<AuditRevision> revisions(String auditId) {
    Map<Integer, List<AuditRevision.Rating>> ratings = new HashMap<>();
    jdbc.query(
        "select revision, category, rating, category_score from qa_audit_rating where audit_id = ?",
        rs -> {
          ratings
              .computeIfAbsent(rs.getInt(1), r -> new ArrayList<>())
              .add(
                  new AuditRevision.Rating(
                      rs.getString(2),
                      rs.getObject(3, Integer.class),
                      rs.getObject(4, Double.class)));
        },
        auditId);
    return jdbc.query(
        """
        select audit_id, revision, reason, dispute_id, score, passed, auto_failed, feedback, recorded_by,
            recorded_at
        from qa_audit_revision where audit_id = ? order by revision
        """,
        (rs, row) ->
            new AuditRevision(
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, Double.class),
                rs.getObject(6, Boolean.class),
                rs.getBoolean(7),
                rs.getString(8),
                rs.getString(9),
                instant(rs, 10),
                List.copyOf(ratings.getOrDefault(rs.getInt(2), List.of()))),
        auditId);
  }

  /** The current ratings of an audit by category ({@code null} = N/A); empty while it is open. */
  Map<String, Integer> currentRatings(QaAudit audit) {
    Map<String, Integer> ratings = new LinkedHashMap<>();
    jdbc.query(
        "select category, rating from qa_audit_rating where audit_id = ? and revision = ?",
        rs -> {
          ratings.put(rs.getString(1), rs.getObject(2, Integer.class));
        },
        audit.id(),
        audit.revision());
    return ratings;
  }

  /** The current category scores of every scored audit of the cycle, by audit id. */
  Map<String, Map<String, Double>> categoryScores(String cycleId) {
    Map<String, Map<String, Double>> scores = new HashMap<>();
    jdbc.query(
        """
        select a.id, r.category, r.category_score
        from qa_audit a join qa_audit_rating r on r.audit_id = a.id and r.revision = a.revision
        where a.cycle_id = ? and r.category_score is not null
        """,
        rs -> {
          scores
              .computeIfAbsent(rs.getString(1), a -> new HashMap<>())
              .put(rs.getString(2), rs.getDouble(3));
        },
        cycleId);
    return scores;
  }

  // --- disputes

  void insertDispute(QaDispute d) {
    jdbc.update(
        "insert into qa_dispute ("
            + DISPUTE_COLUMNS
            + ", open_audit_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        d.id(),
        d.auditId(),
        d.cycleId(),
        d.vendorId(),
        d.reason(),
        d.status().name(),
        d.filedBy(),
        ts(d.filedAt()),
        d.decidedBy(),
        ts(d.decidedAt()),
        d.decisionNote(),
        d.status() == QaDispute.Status.OPEN ? d.auditId() : null);
  }

  Optional<QaDispute> dispute(String id) {
    return one(
        jdbc.query("select " + DISPUTE_COLUMNS + " from qa_dispute where id = ?", DISPUTE, id));
  }

  List<QaDispute> disputesOf(String auditId) {
    return jdbc.query(
        "select " + DISPUTE_COLUMNS + " from qa_dispute where audit_id = ? order by filed_at",
        DISPUTE,
        auditId);
  }

  boolean hasOpenDispute(String auditId) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from qa_dispute where open_audit_id = ?", Integer.class, auditId);
    return count != null && count > 0;
  }

  /** Decides an open dispute; {@code false} if it was decided already. */
  boolean decide(String disputeId, QaDispute.Status status, String by, Instant at, String note) {
    return jdbc.update(
            """
            update qa_dispute set status = ?, open_audit_id = null, decided_by = ?, decided_at = ?,
                decision_note = ?
            where id = ? and status = ?
            """,
            status.name(),
            by,
            ts(at),
            note,
            disputeId,
            QaDispute.Status.OPEN.name())
        == 1;
  }

  // --- coaching

  void insertCoaching(QaCoaching c) {
    jdbc.update(
        "insert into qa_coaching ("
            + COACHING_COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id(),
        c.cycleId(),
        c.vendorId(),
        c.agentId(),
        c.qaScore(),
        c.focus(),
        c.status().name(),
        c.note(),
        c.coachedBy(),
        ts(c.createdAt()),
        ts(c.completedAt()));
  }

  Optional<QaCoaching> coaching(String id) {
    return one(
        jdbc.query("select " + COACHING_COLUMNS + " from qa_coaching where id = ?", COACHING, id));
  }

  /** The cycle's coaching by agent id. */
  List<QaCoaching> coachingOf(String cycleId) {
    return jdbc.query(
        "select " + COACHING_COLUMNS + " from qa_coaching where cycle_id = ? order by agent_id",
        COACHING,
        cycleId);
  }

  /** Records the coaching note; {@code false} if it was recorded already. */
  boolean coached(String coachingId, String note, String by, Instant at) {
    return jdbc.update(
            """
            update qa_coaching set status = ?, note = ?, coached_by = ?, completed_at = ?
            where id = ? and status = ?
            """,
            QaCoaching.Status.DONE.name(),
            note,
            by,
            ts(at),
            coachingId,
            QaCoaching.Status.OPEN.name())
        == 1;
  }

  // --- flags

  boolean isFlagged(String cycleId, String agentId) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from qa_agent_flag where cycle_id = ? and agent_id = ?",
            Integer.class,
            cycleId,
            agentId);
    return count != null && count > 0;
  }

  void flag(String cycleId, String agentId, String vendorId, String previousCycleId, Instant at) {
    jdbc.update(
        "insert into qa_agent_flag (cycle_id, agent_id, vendor_id, previous_cycle_id, flagged_at) values (?, ?, ?, ?, ?)",
        cycleId,
        agentId,
        vendorId,
        previousCycleId,
        ts(at));
  }

  /** The agents flagged in the cycle, by agent id. */
  List<String> flaggedAgents(String cycleId) {
    return jdbc.queryForList(
        "select agent_id from qa_agent_flag where cycle_id = ? order by agent_id",
        String.class,
        cycleId);
  }

  // --- mapping

  private static final RowMapper<QaCycle> CYCLE =
      (rs, row) ->
          new QaCycle(
              rs.getString("id"),
              rs.getString("vendor_id"),
              rs.getString("period_label"),
              instant(rs, "period_start"),
              instant(rs, "period_end"),
              rs.getInt("confidence"),
              rs.getDouble("margin"),
              rs.getInt("min_per_agent"),
              rs.getLong("seed"),
              rs.getDouble("pass_mark"),
              rs.getObject("population", Long.class),
              rs.getObject("required_sample_size", Integer.class),
              rs.getObject("sample_size", Integer.class),
              QaCycle.Status.valueOf(rs.getString("status")),
              rs.getString("process_instance_id"),
              instant(rs, "created_at"),
              rs.getString("created_by"),
              instant(rs, "results_published_at"),
              instant(rs, "dispute_window_ends_at"),
              instant(rs, "dispute_window_closed_at"),
              instant(rs, "closed_at"));

  private static final RowMapper<QaAudit> AUDIT =
      (rs, row) ->
          new QaAudit(
              rs.getString("id"),
              rs.getString("cycle_id"),
              rs.getString("vendor_id"),
              rs.getString("interaction_id"),
              rs.getString("agent_id"),
              rs.getString("channel"),
              instant(rs, "interaction_started_at"),
              rs.getString("drawn_by"),
              QaAudit.Status.valueOf(rs.getString("status")),
              rs.getInt("revision"),
              rs.getObject("score", Double.class),
              rs.getObject("passed", Boolean.class),
              rs.getObject("auto_failed", Boolean.class),
              rs.getString("feedback"),
              rs.getString("analyst"),
              instant(rs, "audited_at"));

  private static final RowMapper<QaDispute> DISPUTE =
      (rs, row) ->
          new QaDispute(
              rs.getString("id"),
              rs.getString("audit_id"),
              rs.getString("cycle_id"),
              rs.getString("vendor_id"),
              rs.getString("reason"),
              QaDispute.Status.valueOf(rs.getString("status")),
              rs.getString("filed_by"),
              instant(rs, "filed_at"),
              rs.getString("decided_by"),
              instant(rs, "decided_at"),
              rs.getString("decision_note"));

  private static final RowMapper<QaCoaching> COACHING =
      (rs, row) ->
          new QaCoaching(
              rs.getString("id"),
              rs.getString("cycle_id"),
              rs.getString("vendor_id"),
              rs.getString("agent_id"),
              rs.getDouble("qa_score"),
              rs.getString("focus"),
              QaCoaching.Status.valueOf(rs.getString("status")),
              rs.getString("note"),
              rs.getString("coached_by"),
              instant(rs, "created_at"),
              instant(rs, "completed_at"));

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static <T> Optional<T> one(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }
}
