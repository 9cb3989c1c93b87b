package dev.steward.qa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sizes and draws a cycle's sample from the interaction table: N = the vendor's handled (not
 * abandoned) interactions that started in the cycle's month, n by Cochran, then one pass over their
 * ids in a stable order (interaction id), streamed with a fetch size through a {@link
 * ReservoirSample}: the month is never held in memory, only the sample.
 */
@Component
class InteractionSampler {

  static final int FETCH_SIZE = 1_000;

  private static final String WHERE =
      """
      where vendor_id = ? and abandoned = false and started_day >= ? and started_day < ?
        and started_at >= ? and started_at < ?
      """;

  private final JdbcTemplate jdbc;

  InteractionSampler(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What was drawn. */
  record Draw(long population, int requiredSampleSize, List<ReservoirSample.Drawn> drawn) {}

  /**
   * Takes the vendor's row lock (the one the interaction import takes) so that no import changes
   * the month between counting and drawing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Draw draw(QaCycle cycle) {
    lockVendor(cycle.vendorId());
    Object[] bounds = bounds(cycle);
    Long population =
        jdbc.queryForObject("select count(*) from interaction " + WHERE, Long.class, bounds);
    long n = population == null ? 0 : population;
    Confidence confidence =
        Confidence.ofPercent(cycle.confidence())
            .orElseThrow(() -> new IllegalStateException("confidence " + cycle.confidence()));
    int required = SampleSize.cochran(n, confidence, cycle.margin());
    ReservoirSample sample = new ReservoirSample(required, cycle.minPerAgent(), cycle.seed());
    jdbc.query(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "select interaction_id, agent_id, channel, started_at from interaction "
                      + WHERE
                      + " order by interaction_id",
                  ResultSet.TYPE_FORWARD_ONLY,
                  ResultSet.CONCUR_READ_ONLY);
          ps.setFetchSize(FETCH_SIZE);
          for (int i = 0; i < bounds.length; i++) {
            ps.setObject(i + 1, bounds[i]);
          }
          return ps;
        },
        (org.springframework.jdbc.core.RowCallbackHandler)
            rs -> {
              sample.offer(
                  new ReservoirSample.Candidate(
                      rs.getString(1), rs.getString(2), rs.getString(3), QaStore.instant(rs, 4)));
            });
    if (sample.seen() != n) {
      throw new IllegalStateException(
          "The interactions of vendor "
              + cycle.vendorId()
              + " changed while the sample was drawn: counted "
              + n
              + ", streamed "
              + sample.seen());
    }
    return new Draw(n, required, sample.drawn());
  }

  /**
   * The vendor's row lock, held until the transaction ends. Taken before anything that references
   * the vendor is written, so two cycles opened at once wait for each other instead of deadlocking.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void lockVendor(String vendorId) {
    jdbc.queryForObject("select id from vendor where id = ? for update", String.class, vendorId);
  }

  private static Object[] bounds(QaCycle cycle) {
    LocalDate firstDay = LocalDate.ofInstant(cycle.periodStart(), ZoneOffset.UTC);
    LocalDate endDay = LocalDate.ofInstant(cycle.periodEnd(), ZoneOffset.UTC);
    return new Object[] {
      cycle.vendorId(),
      firstDay,
      endDay,
      QaStore.ts(cycle.periodStart()),
      QaStore.ts(cycle.periodEnd())
    };
  }
}
