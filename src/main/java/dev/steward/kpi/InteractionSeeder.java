package dev.steward.kpi;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes interactions the application generated itself (the demo world) with JDBC batches and
 * brings the rollups of the days they fall on up to date, in one transaction. Not a way in for
 * outside data: that goes through the CSV import, which checks every rule of kpis.md.
 */
@Component
public class InteractionSeeder {

  /**
   * One generated contact; the columns of kpis.md. {@code startedAt} is kept to whole microseconds.
   */
  public record Row(
      String interactionId,
      String agentId,
      String channel,
      Instant startedAt,
      int handleSeconds,
      boolean firstContactResolved,
      Integer waitSeconds,
      boolean abandoned,
      Integer csat,
      Integer nps,
      Integer ces) {

    public Row {
      // both databases keep microseconds: a finer instant could round into the next UTC day
      startedAt = startedAt.truncatedTo(ChronoUnit.MICROS);
    }

    LocalDate startedDay() {
      return LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
    }
  }

  private static final String INSERT =
      """
      insert into interaction (vendor_id, interaction_id, agent_id, channel, started_at, started_day, handle_seconds,
          first_contact_resolved, wait_seconds, abandoned, csat, nps, ces)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private static final int BATCH = 1000;

  private final JdbcTemplate jdbc;
  private final ScorecardStore store;
  private final InteractionRollups rollups;

  InteractionSeeder(JdbcTemplate jdbc, ScorecardStore store, InteractionRollups rollups) {
    this.jdbc = jdbc;
    this.store = store;
    this.rollups = rollups;
  }

  /**
   * Inserts new interactions (their ids must be new to the vendor) and refreshes the rollups of
   * their days.
   */
  @Transactional
  public void insert(String vendorId, List<Row> rows) {
    int threshold = store.lockVendor(vendorId);
    Set<LocalDate> days = new TreeSet<>();
    jdbc.batchUpdate(
        INSERT,
        rows,
        BATCH,
        (ps, row) -> {
          days.add(row.startedDay());
          bind(ps, vendorId, row);
        });
    rollups.refresh(vendorId, days, threshold);
  }

  @Transactional(readOnly = true)
  public boolean hasInteractions(String vendorId) {
    Integer found =
        jdbc.queryForObject(
            "select count(*) from (select 1 from interaction where vendor_id = ? fetch first 1 rows only) t",
            Integer.class,
            vendorId);
    return found != null && found > 0;
  }

  private static void bind(PreparedStatement ps, String vendorId, Row row) throws SQLException {
    ps.setString(1, vendorId);
    ps.setString(2, row.interactionId());
    ps.setString(3, row.agentId());
    ps.setString(4, row.channel());
    ps.setObject(5, row.startedAt().atOffset(ZoneOffset.UTC));
    ps.setObject(6, row.startedDay());
    ps.setInt(7, row.handleSeconds());
    ps.setBoolean(8, row.firstContactResolved());
    nullable(ps, 9, row.waitSeconds(), Types.INTEGER);
    ps.setBoolean(10, row.abandoned());
    nullable(ps, 11, row.csat(), Types.SMALLINT);
    nullable(ps, 12, row.nps(), Types.SMALLINT);
    nullable(ps, 13, row.ces(), Types.SMALLINT);
  }

  private static void nullable(PreparedStatement ps, int index, Integer value, int type)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, type);
    } else {
      ps.setInt(index, value);
    }
  }
}
