package dev.steward.qa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendors' QA scorecards ({@code qa_scorecard}, {@code qa_scorecard_category}); a vendor without a
 * row has {@link QaScorecard#defaults()}. Not scoped: callers check the vendor first.
 */
@Repository
public class QaScorecardStore {

  private final JdbcTemplate jdbc;

  QaScorecardStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public QaScorecard forVendor(String vendorId) {
    List<Double> passMark =
        jdbc.queryForList(
            "select pass_mark from qa_scorecard where vendor_id = ?", Double.class, vendorId);
    if (passMark.isEmpty()) {
      return QaScorecard.defaults();
    }
    List<QaCategory> categories =
        jdbc.query(
            """
            select category, name, weight, min_rating, max_rating, critical
            from qa_scorecard_category where vendor_id = ? order by position
            """,
            (rs, row) ->
                new QaCategory(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getBoolean(6)),
            vendorId);
    return new QaScorecard(categories, passMark.get(0));
  }

  /** Replaces the vendor's scorecard; the caller has validated it. */
  @Transactional(propagation = Propagation.MANDATORY)
  void replace(String vendorId, QaScorecard scorecard, String actor, Instant at) {
    jdbc.update("delete from qa_scorecard_category where vendor_id = ?", vendorId);
    jdbc.update("delete from qa_scorecard where vendor_id = ?", vendorId);
    jdbc.update(
        "insert into qa_scorecard (vendor_id, pass_mark, updated_at, updated_by) values (?, ?, ?, ?)",
        vendorId,
        scorecard.passMark(),
        Timestamp.from(at),
        actor);
    List<QaCategory> categories = scorecard.categories();
    for (int i = 0; i < categories.size(); i++) {
      QaCategory c = categories.get(i);
      jdbc.update(
          """
          insert into qa_scorecard_category
            (vendor_id, position, category, name, weight, min_rating, max_rating, critical)
          values (?, ?, ?, ?, ?, ?, ?, ?)
          """,
          vendorId,
          i,
          c.key(),
          c.name(),
          c.weight(),
          c.min(),
          c.max(),
          c.critical());
    }
  }
}
