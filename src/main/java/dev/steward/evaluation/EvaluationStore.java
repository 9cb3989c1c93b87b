package dev.steward.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables of evaluation rounds (V6). */
@Repository
class EvaluationStore {

  record RoundRow(
      String id,
      String name,
      RoundStatus status,
      Instant dueAt,
      Instant createdAt,
      String createdBy,
      String processInstanceId,
      Instant bidsClosedAt,
      String bidsClosedBy,
      Instant rankedAt,
      String ranking) {}

  record CandidateRow(
      String vendorId,
      String vendorCode,
      String vendorName,
      BigDecimal monthlyPrice,
      Instant bidAt,
      String bidBy,
      Boolean selected) {}

  record EvaluatorRow(String username, Instant submittedAt) {}

  record RatingRow(String username, String vendorId, String criterion, Integer rating) {}

  record SelectionRow(String selectedBy, Instant selectedAt, String reason, String rankingShown) {}

  private static final String ROUND_COLUMNS =
      "id, name, status, due_at, created_at, created_by, process_instance_id, bids_closed_at,"
          + " bids_closed_by, ranked_at, ranking";

  private final JdbcTemplate jdbc;

  EvaluationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insertRound(
      String id,
      String name,
      Instant dueAt,
      Instant createdAt,
      String createdBy,
      List<Criterion> criteria,
      List<String> vendorIds,
      List<String> evaluators) {
    jdbc.update(
        "insert into evaluation_round (id, name, status, due_at, created_at, created_by) values (?, ?, ?, ?, ?, ?)",
        id,
        name,
        RoundStatus.BIDDING.name(),
        timestamp(dueAt),
        timestamp(createdAt),
        createdBy);
    for (int i = 0; i < criteria.size(); i++) {
      Criterion c = criteria.get(i);
      jdbc.update(
          "insert into evaluation_criterion (round_id, criterion_key, name, weight, position) values (?, ?, ?, ?, ?)",
          id,
          c.key(),
          c.name().strip(),
          c.weight(),
          i);
    }
    for (int i = 0; i < vendorIds.size(); i++) {
      jdbc.update(
          "insert into evaluation_candidate (round_id, vendor_id, position) values (?, ?, ?)",
          id,
          vendorIds.get(i),
          i);
    }
    for (int i = 0; i < evaluators.size(); i++) {
      jdbc.update(
          "insert into evaluation_evaluator (round_id, username, position) values (?, ?, ?)",
          id,
          evaluators.get(i),
          i);
    }
  }

  void started(String id, String processInstanceId) {
    jdbc.update(
        "update evaluation_round set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  Optional<RoundRow> round(String id) {
    return jdbc
        .query(
            "select " + ROUND_COLUMNS + " from evaluation_round where id = ?",
            (rs, row) -> round(rs),
            id)
        .stream()
        .findFirst();
  }

  /**
   * The round locked until the transaction ends: bids, closing, ranking and selection of one round
   * happen one after the other.
   */
  Optional<RoundRow> lock(String id) {
    return jdbc
        .query(
            "select " + ROUND_COLUMNS + " from evaluation_round where id = ? for update",
            (rs, row) -> round(rs),
            id)
        .stream()
        .findFirst();
  }

  List<RoundRow> rounds() {
    return jdbc.query(
        "select " + ROUND_COLUMNS + " from evaluation_round order by created_at desc, id",
        (rs, row) -> round(rs));
  }

  List<Criterion> criteria(String roundId) {
    return jdbc.query(
        "select criterion_key, name, weight from evaluation_criterion where round_id = ? order by position",
        (rs, row) -> new Criterion(rs.getString(1), rs.getString(2), rs.getInt(3)),
        roundId);
  }

  List<CandidateRow> candidates(String roundId) {
    return jdbc.query(
        """
        select c.vendor_id, v.code, v.name, c.monthly_price, c.bid_at, c.bid_by, c.selected
        from evaluation_candidate c join vendor v on v.id = c.vendor_id
        where c.round_id = ? order by c.position
        """,
        (rs, row) ->
            new CandidateRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBigDecimal(4),
                instant(rs.getTimestamp(5)),
                rs.getString(6),
                (Boolean) rs.getObject(7)),
        roundId);
  }

  List<EvaluatorRow> evaluators(String roundId) {
    return jdbc.query(
        "select username, submitted_at from evaluation_evaluator where round_id = ? order by position",
        (rs, row) -> new EvaluatorRow(rs.getString(1), instant(rs.getTimestamp(2))),
        roundId);
  }

  List<RatingRow> ratings(String roundId) {
    return jdbc.query(
        "select username, vendor_id, criterion_key, rating from evaluation_rating where round_id = ?",
        (rs, row) ->
            new RatingRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4) == null ? null : rs.getInt(4)),
        roundId);
  }

  void putBid(String roundId, String vendorId, BigDecimal price, Instant at, String by) {
    jdbc.update(
        "update evaluation_candidate set monthly_price = ?, bid_at = ?, bid_by = ? where round_id = ? and vendor_id = ?",
        price,
        timestamp(at),
        by,
        roundId,
        vendorId);
  }

  void closeBidding(String roundId, Instant at, String by) {
    jdbc.update(
        "update evaluation_round set status = ?, bids_closed_at = ?, bids_closed_by = ? where id = ?",
        RoundStatus.SCORING.name(),
        timestamp(at),
        by,
        roundId);
  }

  /** Replaces the evaluator's ratings and marks them submitted. */
  void replaceRatings(String roundId, String username, List<RatingRow> ratings, Instant at) {
    jdbc.update(
        "delete from evaluation_rating where round_id = ? and username = ?", roundId, username);
    jdbc.batchUpdate(
        "insert into evaluation_rating (round_id, username, vendor_id, criterion_key, rating) values (?, ?, ?, ?, ?)",
        ratings.stream()
            .map(r -> new Object[] {roundId, username, r.vendorId(), r.criterion(), r.rating()})
            .toList());
    jdbc.update(
        "update evaluation_evaluator set submitted_at = ? where round_id = ? and username = ?",
        timestamp(at),
        roundId,
        username);
  }

  void ranked(String roundId, String rankingJson, Instant at) {
    jdbc.update(
        "update evaluation_round set status = ?, ranking = ?, ranked_at = ? where id = ?",
        RoundStatus.RANKED.name(),
        rankingJson,
        timestamp(at),
        roundId);
  }

  Optional<SelectionRow> selection(String roundId) {
    return jdbc
        .query(
            "select selected_by, selected_at, reason, ranking_shown from evaluation_selection where round_id = ?",
            (rs, row) ->
                new SelectionRow(
                    rs.getString(1), instant(rs.getTimestamp(2)), rs.getString(3), rs.getString(4)),
            roundId)
        .stream()
        .findFirst();
  }

  void decided(
      String roundId,
      String by,
      Instant at,
      String reason,
      String rankingShown,
      List<String> selectedVendorIds) {
    jdbc.update(
        "insert into evaluation_selection (round_id, selected_by, selected_at, reason, ranking_shown) values (?, ?, ?, ?, ?)",
        roundId,
        by,
        timestamp(at),
        reason,
        rankingShown);
    jdbc.update("update evaluation_candidate set selected = false where round_id = ?", roundId);
    for (String vendorId : selectedVendorIds) {
      jdbc.update(
          "update evaluation_candidate set selected = true where round_id = ? and vendor_id = ?",
          roundId,
          vendorId);
    }
    jdbc.update(
        "update evaluation_round set status = ? where id = ?", RoundStatus.DECIDED.name(), roundId);
  }

  private static RoundRow round(ResultSet rs) throws SQLException {
    return new RoundRow(
        rs.getString(1),
        rs.getString(2),
        RoundStatus.valueOf(rs.getString(3)),
        instant(rs.getTimestamp(4)),
        instant(rs.getTimestamp(5)),
        rs.getString(6),
        rs.getString(7),
        instant(rs.getTimestamp(8)),
        rs.getString(9),
        instant(rs.getTimestamp(10)),
        rs.getString(11));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
