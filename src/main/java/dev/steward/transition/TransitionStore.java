package dev.steward.transition;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code vendor_transition} (V11). */
@Repository
class TransitionStore {

  /** Where the proposal came from. */
  enum Source {
    API,
    REVIEW
  }

  record TransitionRow(
      String id,
      String vendorId,
      String successorVendorId,
      boolean newEvaluation,
      String reason,
      Source source,
      String reviewId,
      TransitionStatus status,
      String proposedBy,
      Instant proposedAt,
      int parallelRunDays,
      String processInstanceId,
      String firstApprovedBy,
      Instant firstApprovedAt,
      String secondApprovedBy,
      Instant secondApprovedAt,
      String rejectedBy,
      Instant rejectedAt,
      String rejectionReason,
      LocalDate runStart,
      LocalDate runEnd,
      BigDecimal outgoingScore,
      BigDecimal successorScore,
      String comparison,
      Instant comparedAt,
      String cutOverBy,
      Instant cutOverAt,
      String leadAccounts) {}

  private static final String COLUMNS =
      "id, vendor_id, successor_vendor_id, new_evaluation, reason, source, review_id, status,"
          + " proposed_by, proposed_at, parallel_run_days, process_instance_id, first_approved_by,"
          + " first_approved_at, second_approved_by, second_approved_at, rejected_by, rejected_at,"
          + " rejection_reason, run_start, run_end, outgoing_score, successor_score, comparison,"
          + " compared_at, cut_over_by, cut_over_at, lead_accounts";

  private final JdbcTemplate jdbc;

  TransitionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      String id,
      String vendorId,
      String successorVendorId,
      boolean newEvaluation,
      String reason,
      Source source,
      String reviewId,
      String proposedBy,
      Instant proposedAt,
      int parallelRunDays) {
    jdbc.update(
        "insert into vendor_transition (id, vendor_id, successor_vendor_id, new_evaluation, reason,"
            + " source, review_id, status, proposed_by, proposed_at, parallel_run_days)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        vendorId,
        successorVendorId,
        newEvaluation,
        reason,
        source.name(),
        reviewId,
        TransitionStatus.PROPOSED.name(),
        proposedBy,
        Timestamp.from(proposedAt),
        parallelRunDays);
  }

  void processInstance(String id, String processInstanceId) {
    jdbc.update(
        "update vendor_transition set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  Optional<TransitionRow> find(String id) {
    return one("select " + COLUMNS + " from vendor_transition where id = ?", id);
  }

  /** The transition locked until the transaction ends. */
  Optional<TransitionRow> lock(String id) {
    return one("select " + COLUMNS + " from vendor_transition where id = ? for update", id);
  }

  Optional<TransitionRow> byReview(String reviewId) {
    return one("select " + COLUMNS + " from vendor_transition where review_id = ?", reviewId);
  }

  List<TransitionRow> ofVendor(String vendorId) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from vendor_transition where vendor_id = ? order by proposed_at desc, id",
        (rs, row) -> transition(rs),
        vendorId);
  }

  /** Locks the vendor's row, so two proposals for one vendor are decided one after the other. */
  void lockVendor(String vendorId) {
    jdbc.query("select id from vendor where id = ? for update", rs -> {}, vendorId);
  }

  boolean hasOpen(String vendorId) {
    Integer open =
        jdbc.queryForObject(
            "select count(*) from vendor_transition where vendor_id = ? and status not in (?, ?)",
            Integer.class,
            vendorId,
            TransitionStatus.COMPLETED.name(),
            TransitionStatus.REJECTED.name());
    return open != null && open > 0;
  }

  void proposalCompleted(String id, String successorVendorId, boolean newEvaluation, int days) {
    jdbc.update(
        "update vendor_transition set successor_vendor_id = ?, new_evaluation = ?,"
            + " parallel_run_days = ? where id = ?",
        successorVendorId,
        newEvaluation,
        days,
        id);
  }

  void firstApproved(String id, String by, Instant at) {
    jdbc.update(
        "update vendor_transition set first_approved_by = ?, first_approved_at = ? where id = ?",
        by,
        Timestamp.from(at),
        id);
  }

  void secondApproved(String id, String by, Instant at) {
    jdbc.update(
        "update vendor_transition set second_approved_by = ?, second_approved_at = ?, status = ?"
            + " where id = ?",
        by,
        Timestamp.from(at),
        TransitionStatus.APPROVED.name(),
        id);
  }

  void rejected(String id, String by, Instant at, String reason) {
    jdbc.update(
        "update vendor_transition set rejected_by = ?, rejected_at = ?, rejection_reason = ?,"
            + " status = ? where id = ?",
        by,
        Timestamp.from(at),
        reason,
        TransitionStatus.REJECTED.name(),
        id);
  }

  /**
   * Claims the right to start the rejected transition's improvement plan: true once per transition
   * (the update takes the row lock, so two concurrent claims serialize and the second sees the
   * first's mark).
   */
  boolean claimImprovementPlan(String id) {
    return jdbc.update(
            "update vendor_transition set improvement_plan_review_id = 'starting'"
                + " where id = ? and improvement_plan_review_id is null",
            id)
        == 1;
  }

  void improvementPlanStarted(String id, String reviewId) {
    jdbc.update(
        "update vendor_transition set improvement_plan_review_id = ? where id = ?", reviewId, id);
  }

  void status(String id, TransitionStatus status) {
    jdbc.update("update vendor_transition set status = ? where id = ?", status.name(), id);
  }

  void successorNamed(String id, String successorVendorId) {
    jdbc.update(
        "update vendor_transition set successor_vendor_id = ? where id = ?", successorVendorId, id);
  }

  void runScheduled(String id, LocalDate start, LocalDate end) {
    jdbc.update(
        "update vendor_transition set run_start = ?, run_end = ?, status = ? where id = ?",
        Date.valueOf(start),
        Date.valueOf(end),
        TransitionStatus.PARALLEL_RUN.name(),
        id);
  }

  void compared(
      String id, BigDecimal outgoing, BigDecimal successor, String comparison, Instant at) {
    jdbc.update(
        "update vendor_transition set outgoing_score = ?, successor_score = ?, comparison = ?,"
            + " compared_at = ?, status = ? where id = ?",
        outgoing,
        successor,
        comparison,
        Timestamp.from(at),
        TransitionStatus.AWAITING_CUT_OVER.name(),
        id);
  }

  void cutOverApproved(String id, String by, Instant at) {
    jdbc.update(
        "update vendor_transition set cut_over_by = ?, cut_over_at = ? where id = ?",
        by,
        Timestamp.from(at),
        id);
  }

  void completed(String id, String leadAccounts) {
    jdbc.update(
        "update vendor_transition set lead_accounts = ?, status = ? where id = ?",
        leadAccounts,
        TransitionStatus.COMPLETED.name(),
        id);
  }

  private Optional<TransitionRow> one(String sql, String arg) {
    return jdbc.query(sql, (rs, row) -> transition(rs), arg).stream().findFirst();
  }

  private static TransitionRow transition(ResultSet rs) throws SQLException {
    return new TransitionRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getBoolean(4),
        rs.getString(5),
        Source.valueOf(rs.getString(6)),
        rs.getString(7),
        TransitionStatus.valueOf(rs.getString(8)),
        rs.getString(9),
        instant(rs.getTimestamp(10)),
        rs.getInt(11),
        rs.getString(12),
        rs.getString(13),
        instant(rs.getTimestamp(14)),
        rs.getString(15),
        instant(rs.getTimestamp(16)),
        rs.getString(17),
        instant(rs.getTimestamp(18)),
        rs.getString(19),
        date(rs.getDate(20)),
        date(rs.getDate(21)),
        rs.getBigDecimal(22),
        rs.getBigDecimal(23),
        rs.getString(24),
        instant(rs.getTimestamp(25)),
        rs.getString(26),
        instant(rs.getTimestamp(27)),
        rs.getString(28));
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
