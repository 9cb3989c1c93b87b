package dev.steward.review;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code quarterly_review} and {@code vendor_notice} tables. */
@Repository
class ReviewStore {

  /** QUARTERLY (a calendar quarter), FOLLOW_UP (30 days after a plan), IMPROVEMENT_PLAN. */
  enum Kind {
    QUARTERLY,
    FOLLOW_UP,
    IMPROVEMENT_PLAN
  }

  /** PREPARING until the facts are in, then AWAITING_QBR, HELD once the RM recorded it. */
  enum Status {
    PREPARING,
    AWAITING_QBR,
    HELD
  }

  record Review(
      String id,
      String vendorId,
      Kind kind,
      String periodLabel,
      LocalDate periodStart,
      LocalDate periodEnd,
      Status status,
      Double total,
      Double previousTotal,
      String outcome,
      String facts,
      String factsSummary,
      String notes,
      String heldBy,
      Instant heldAt,
      String improvementPlan,
      String improvementTargets,
      Instant followUpDueAt,
      String followsReviewId,
      String followUpReviewId,
      String reason,
      String requestedBy,
      Instant requestedAt,
      String processInstanceId) {}

  record Notice(
      String id,
      String vendorId,
      String kind,
      String title,
      String message,
      String publishedBy,
      Instant publishedAt,
      String reviewId) {}

  private static final String COLUMNS =
      "id, vendor_id, review_kind, period_label, period_start, period_end, status, total,"
          + " previous_total, outcome, facts, facts_summary, notes, held_by, held_at,"
          + " improvement_plan, improvement_targets, follow_up_due_at, follows_review_id,"
          + " follow_up_review_id, reason, requested_by, requested_at, process_instance_id";

  private static final RowMapper<Review> REVIEW =
      (rs, row) ->
          new Review(
              rs.getString(1),
              rs.getString(2),
              Kind.valueOf(rs.getString(3)),
              rs.getString(4),
              rs.getDate(5).toLocalDate(),
              rs.getDate(6).toLocalDate(),
              Status.valueOf(rs.getString(7)),
              dbl(rs, 8),
              dbl(rs, 9),
              rs.getString(10),
              rs.getString(11),
              rs.getString(12),
              rs.getString(13),
              rs.getString(14),
              instant(rs, 15),
              rs.getString(16),
              rs.getString(17),
              instant(rs, 18),
              rs.getString(19),
              rs.getString(20),
              rs.getString(21),
              rs.getString(22),
              instant(rs, 23),
              rs.getString(24));

  private final JdbcTemplate jdbc;

  ReviewStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Review r) {
    jdbc.update(
        "insert into quarterly_review ("
            + COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.id(),
        r.vendorId(),
        r.kind().name(),
        r.periodLabel(),
        Date.valueOf(r.periodStart()),
        Date.valueOf(r.periodEnd()),
        r.status().name(),
        r.total(),
        r.previousTotal(),
        r.outcome(),
        r.facts(),
        r.factsSummary(),
        r.notes(),
        r.heldBy(),
        ts(r.heldAt()),
        r.improvementPlan(),
        r.improvementTargets(),
        ts(r.followUpDueAt()),
        r.followsReviewId(),
        r.followUpReviewId(),
        r.reason(),
        r.requestedBy(),
        ts(r.requestedAt()),
        r.processInstanceId());
  }

  Optional<Review> find(String id) {
    return jdbc
        .query("select " + COLUMNS + " from quarterly_review where id = ?", REVIEW, id)
        .stream()
        .findFirst();
  }

  /** Locks the review row for the rest of the transaction (one writer per review). */
  Optional<Review> lock(String id) {
    return jdbc
        .query("select " + COLUMNS + " from quarterly_review where id = ? for update", REVIEW, id)
        .stream()
        .findFirst();
  }

  List<Review> ofVendor(String vendorId) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from quarterly_review where vendor_id = ? order by requested_at desc, id",
        REVIEW,
        vendorId);
  }

  /** A review of the vendor for that period not yet held, if any. */
  Optional<Review> pending(String vendorId, String periodLabel) {
    return jdbc
        .query(
            "select "
                + COLUMNS
                + " from quarterly_review where vendor_id = ? and period_label = ? and status <> 'HELD'",
            REVIEW,
            vendorId,
            periodLabel)
        .stream()
        .findFirst();
  }

  /** Locks the vendor's row, so two requests for the same vendor start one review at a time. */
  void lockVendorReviews(String vendorId) {
    jdbc.queryForList("select id from vendor where id = ? for update", String.class, vendorId);
  }

  /** An improvement plan decided elsewhere (a rejected transition): held, with that outcome. */
  void markPlanned(String id, String outcome, Double total) {
    jdbc.update(
        "update quarterly_review set status = 'HELD', outcome = ?, total = ? where id = ?",
        outcome,
        total,
        id);
  }

  void attachProcess(String id, String processInstanceId) {
    jdbc.update(
        "update quarterly_review set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  void factsAssembled(
      String id,
      Double total,
      Double previousTotal,
      String outcome,
      String facts,
      String summary,
      String processInstanceId) {
    jdbc.update(
        """
        update quarterly_review set total = ?, previous_total = ?, outcome = ?, facts = ?,
               facts_summary = ?, status = 'AWAITING_QBR',
               process_instance_id = coalesce(process_instance_id, ?)
        where id = ?
        """,
        total,
        previousTotal,
        outcome,
        facts,
        summary,
        processInstanceId,
        id);
  }

  void held(String id, String by, Instant at, String notes) {
    jdbc.update(
        "update quarterly_review set status = 'HELD', held_by = ?, held_at = ?, notes = ? where id = ?",
        by,
        ts(at),
        notes,
        id);
  }

  void planAgreed(String id, String plan, String targets, Instant followUpDueAt) {
    jdbc.update(
        """
        update quarterly_review set improvement_plan = ?, improvement_targets = ?,
               follow_up_due_at = ?
        where id = ?
        """,
        plan,
        targets,
        ts(followUpDueAt),
        id);
  }

  void followUpStarted(String id, String followUpReviewId) {
    jdbc.update(
        "update quarterly_review set follow_up_review_id = ? where id = ?", followUpReviewId, id);
  }

  /** Inserts the notice unless the review already published one of that kind. */
  boolean insertNotice(Notice n) {
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from vendor_notice where review_id = ? and notice_kind = ?",
            Integer.class,
            n.reviewId(),
            n.kind());
    if (existing != null && existing > 0) {
      return false;
    }
    jdbc.update(
        """
        insert into vendor_notice (id, vendor_id, notice_kind, title, message, published_by,
                                   published_at, review_id)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        n.id(),
        n.vendorId(),
        n.kind(),
        n.title(),
        n.message(),
        n.publishedBy(),
        ts(n.publishedAt()),
        n.reviewId());
    return true;
  }

  List<Notice> notices(String vendorId) {
    return jdbc.query(
        """
        select id, vendor_id, notice_kind, title, message, published_by, published_at, review_id
        from vendor_notice where vendor_id = ? order by published_at desc, id
        """,
        (rs, row) ->
            new Notice(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                instant(rs, 7),
                rs.getString(8)),
        vendorId);
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  private static Double dbl(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
