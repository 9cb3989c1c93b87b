package dev.steward.qa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calibration sessions, their audits and reports ({@code qa_calibration*}, V5). Not scoped: the
 * service checks the vendor first. Writes join the caller's transaction.
 */
@Repository
class QaCalibrationStore {

  static final String IN_PROGRESS = "IN_PROGRESS";
  static final String COMPLETE = "COMPLETE";
  static final String AUDIT_OPEN = "OPEN";
  static final String AUDIT_SUBMITTED = "SUBMITTED";

  record Calibration(
      String id,
      String vendorId,
      String status,
      double passMark,
      String requestedBy,
      Instant requestedAt,
      String processInstanceId,
      Instant completedAt) {}

  record Audit(
      String id,
      String calibrationId,
      String interactionId,
      String analyst,
      String status,
      Double score,
      Boolean autoFailed,
      Boolean passed,
      String remarks,
      String submittedBy,
      Instant submittedAt) {

    boolean submitted() {
      return AUDIT_SUBMITTED.equals(status);
    }
  }

  /** A submitted rating; {@code rating == null} is N/A. */
  record Rating(String auditId, String category, Integer rating, Double categoryScore) {}

  record CategoryResult(String category, Double standardDeviation, Integer ratedCount) {}

  record InteractionResult(String interactionId, Double medianScore, Integer scoredAudits) {}

  record AnalystResult(String analyst, Double alignment, Integer comparedInteractions) {}

  private final JdbcTemplate jdbc;

  QaCalibrationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- sessions

  @Transactional(propagation = Propagation.MANDATORY)
  void insert(
      String id,
      String vendorId,
      QaScorecard scorecard,
      List<String> interactionIds,
      List<String> analysts,
      String requestedBy,
      Instant at) {
    jdbc.update(
        """
        insert into qa_calibration (id, vendor_id, status, pass_mark, requested_by, requested_at)
        values (?, ?, ?, ?, ?, ?)
        """,
        id,
        vendorId,
        IN_PROGRESS,
        scorecard.passMark(),
        requestedBy,
        Timestamp.from(at));
    QaCategoryRows.insert(
        jdbc, "qa_calibration_category", "calibration_id", id, scorecard.categories());
    for (int i = 0; i < interactionIds.size(); i++) {
      jdbc.update(
          "insert into qa_calibration_interaction (calibration_id, position, interaction_id) values (?, ?, ?)",
          id,
          i,
          interactionIds.get(i));
    }
    for (int i = 0; i < analysts.size(); i++) {
      jdbc.update(
          "insert into qa_calibration_analyst (calibration_id, position, analyst) values (?, ?, ?)",
          id,
          i,
          analysts.get(i));
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void started(String id, String processInstanceId) {
    jdbc.update(
        "update qa_calibration set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  Optional<Calibration> find(String id) {
    return jdbc.query(CALIBRATION + " where id = ?", this::mapCalibration, id).stream().findFirst();
  }

  /** Locks the session's row until the transaction ends (so a retried job waits, then sees). */
  @Transactional(propagation = Propagation.MANDATORY)
  Calibration lock(String id) {
    return jdbc.query(CALIBRATION + " where id = ? for update", this::mapCalibration, id).stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No calibration session " + id));
  }

  List<Calibration> forVendor(String vendorId) {
    return jdbc.query(
        CALIBRATION + " where vendor_id = ? order by requested_at desc, id",
        this::mapCalibration,
        vendorId);
  }

  private static final String CALIBRATION =
      """
      select id, vendor_id, status, pass_mark, requested_by, requested_at, process_instance_id,
             completed_at
      from qa_calibration""";

  private Calibration mapCalibration(ResultSet rs, int row) throws SQLException {
    return new Calibration(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getDouble(4),
        rs.getString(5),
        instant(rs.getTimestamp(6)),
        rs.getString(7),
        instant(rs.getTimestamp(8)));
  }

  /** The scorecard the session scores with (its snapshot of the vendor's, taken at the start). */
  QaScorecard scorecard(String id) {
    double passMark =
        jdbc.queryForObject("select pass_mark from qa_calibration where id = ?", Double.class, id);
    List<QaCategory> categories =
        QaCategoryRows.read(jdbc, "qa_calibration_category", "calibration_id", id);
    return new QaScorecard(categories, passMark);
  }

  List<String> interactionIds(String id) {
    return jdbc.queryForList(
        "select interaction_id from qa_calibration_interaction where calibration_id = ? order by position",
        String.class,
        id);
  }

  List<String> analysts(String id) {
    return jdbc.queryForList(
        "select analyst from qa_calibration_analyst where calibration_id = ? order by position",
        String.class,
        id);
  }

  // --- audits

  @Transactional(propagation = Propagation.MANDATORY)
  void insertAudit(
      String id, String calibrationId, int position, String interactionId, String analyst) {
    jdbc.update(
        """
        insert into qa_calibration_audit (id, calibration_id, position, interaction_id, analyst, status)
        values (?, ?, ?, ?, ?, ?)
        """,
        id,
        calibrationId,
        position,
        interactionId,
        analyst,
        AUDIT_OPEN);
  }

  List<Audit> audits(String calibrationId) {
    return jdbc.query(
        AUDIT + " where calibration_id = ? order by position", this::mapAudit, calibrationId);
  }

  Optional<Audit> audit(String auditId) {
    return jdbc.query(AUDIT + " where id = ?", this::mapAudit, auditId).stream().findFirst();
  }

  /** The audit's row, locked until the transaction ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Audit> lockAudit(String auditId) {
    return jdbc.query(AUDIT + " where id = ? for update", this::mapAudit, auditId).stream()
        .findFirst();
  }

  private static final String AUDIT =
      """
      select id, calibration_id, interaction_id, analyst, status, score, auto_failed, passed,
             remarks, submitted_by, submitted_at
      from qa_calibration_audit""";

  private Audit mapAudit(ResultSet rs, int row) throws SQLException {
    return new Audit(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        nullableDouble(rs, 6),
        nullableBoolean(rs, 7),
        nullableBoolean(rs, 8),
        rs.getString(9),
        rs.getString(10),
        instant(rs.getTimestamp(11)));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void submitted(
      String auditId,
      List<Rating> ratings,
      AuditScoring.Result result,
      String remarks,
      String by,
      Instant at) {
    for (int i = 0; i < ratings.size(); i++) {
      Rating r = ratings.get(i);
      jdbc.update(
          """
          insert into qa_calibration_rating (audit_id, position, category, rating, category_score)
          values (?, ?, ?, ?, ?)
          """,
          auditId,
          i,
          r.category(),
          r.rating(),
          r.categoryScore());
    }
    jdbc.update(
        """
        update qa_calibration_audit
        set status = ?, score = ?, auto_failed = ?, passed = ?, remarks = ?, submitted_by = ?,
            submitted_at = ?
        where id = ?
        """,
        AUDIT_SUBMITTED,
        result.score(),
        result.autoFailed(),
        result.passed(),
        remarks,
        by,
        Timestamp.from(at),
        auditId);
  }

  /** Every submitted rating of the session, in audit and category order. */
  List<Rating> ratings(String calibrationId) {
    return jdbc.query(
        """
        select r.audit_id, r.category, r.rating, r.category_score
        from qa_calibration_rating r join qa_calibration_audit a on a.id = r.audit_id
        where a.calibration_id = ?
        order by a.position, r.position
        """,
        (rs, row) ->
            new Rating(rs.getString(1), rs.getString(2), nullableInt(rs, 3), nullableDouble(rs, 4)),
        calibrationId);
  }

  /** Submitted and total audits per analyst of the session, in the analysts' order. */
  Map<String, int[]> progress(String calibrationId) {
    Map<String, int[]> progress = new java.util.LinkedHashMap<>();
    analysts(calibrationId).forEach(a -> progress.put(a, new int[2]));
    jdbc.query(
        "select analyst, status from qa_calibration_audit where calibration_id = ?",
        rs -> {
          int[] counts = progress.computeIfAbsent(rs.getString(1), a -> new int[2]);
          counts[1]++;
          if (AUDIT_SUBMITTED.equals(rs.getString(2))) {
            counts[0]++;
          }
        },
        calibrationId);
    return progress;
  }

  // --- the report

  @Transactional(propagation = Propagation.MANDATORY)
  void storeReport(String id, CalibrationStatistics.Report report, Instant at) {
    for (CalibrationStatistics.CategorySpread c : report.categories()) {
      jdbc.update(
          """
          update qa_calibration_category set standard_deviation = ?, rated_count = ?
          where calibration_id = ? and category = ?
          """,
          c.standardDeviation(),
          c.ratings(),
          id,
          c.category());
    }
    for (CalibrationStatistics.InteractionMedian m : report.interactions()) {
      jdbc.update(
          """
          update qa_calibration_interaction set median_score = ?, scored_audits = ?
          where calibration_id = ? and interaction_id = ?
          """,
          m.medianScore(),
          m.scoredAudits(),
          id,
          m.interactionId());
    }
    for (CalibrationStatistics.AnalystAlignment a : report.analysts()) {
      jdbc.update(
          """
          update qa_calibration_analyst set alignment = ?, compared_interactions = ?
          where calibration_id = ? and analyst = ?
          """,
          a.alignment(),
          a.comparedInteractions(),
          id,
          a.analyst());
    }
    jdbc.update(
        "update qa_calibration set status = ?, completed_at = ? where id = ?",
        COMPLETE,
        Timestamp.from(at),
        id);
  }

  List<CategoryResult> categoryResults(String id) {
    return jdbc.query(
        """
        select category, standard_deviation, rated_count from qa_calibration_category
        where calibration_id = ? order by position
        """,
        (rs, row) -> new CategoryResult(rs.getString(1), nullableDouble(rs, 2), nullableInt(rs, 3)),
        id);
  }

  List<InteractionResult> interactionResults(String id) {
    return jdbc.query(
        """
        select interaction_id, median_score, scored_audits from qa_calibration_interaction
        where calibration_id = ? order by position
        """,
        (rs, row) ->
            new InteractionResult(rs.getString(1), nullableDouble(rs, 2), nullableInt(rs, 3)),
        id);
  }

  List<AnalystResult> analystResults(String id) {
    return jdbc.query(
        """
        select analyst, alignment, compared_interactions from qa_calibration_analyst
        where calibration_id = ? order by position
        """,
        (rs, row) -> new AnalystResult(rs.getString(1), nullableDouble(rs, 2), nullableInt(rs, 3)),
        id);
  }

  // --- the vendor's interactions (the kpi slice's table, read only)

  /** Which of the ids are interactions of the vendor. */
  Set<String> existingInteractions(String vendorId, List<String> interactionIds) {
    if (interactionIds.isEmpty()) {
      return Set.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(interactionIds.size(), "?"));
    List<Object> args = new ArrayList<>();
    args.add(vendorId);
    args.addAll(interactionIds);
    return new HashSet<>(
        jdbc.queryForList(
            "select interaction_id from interaction where vendor_id = ? and interaction_id in ("
                + marks
                + ")",
            String.class,
            args.toArray()));
  }

  /** The vendor's first interactions by id (for the demo). */
  List<String> someInteractions(String vendorId, int count) {
    return jdbc.queryForList(
        "select interaction_id from interaction where vendor_id = ? order by interaction_id fetch first "
            + count
            + " rows only",
        String.class,
        vendorId);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Boolean nullableBoolean(ResultSet rs, int column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }
}
