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
        QaCategoryRows.read(jdbc, "qa_scorecard_category", "vendor_id", vendorId);
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
    QaCategoryRows.insert(
        jdbc, "qa_scorecard_category", "vendor_id", vendorId, scorecard.categories());
  }
}
