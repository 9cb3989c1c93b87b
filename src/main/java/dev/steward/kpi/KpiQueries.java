package dev.steward.kpi;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI totals of a vendor over a period, computed in the database: from the daily rollups (what
 * every read uses) or from the raw interactions (the reference the rollups are proven against).
 */
@Component
public class KpiQueries {

  private static final String FROM_ROLLUPS =
      """
      select coalesce(sum(contacts), 0), coalesce(sum(handled), 0), coalesce(sum(handled_resolved), 0),
             coalesce(sum(handled_seconds), 0), coalesce(sum(csat_count), 0), coalesce(sum(csat_satisfied), 0),
             coalesce(sum(nps_count), 0), coalesce(sum(nps_promoters), 0), coalesce(sum(nps_detractors), 0),
             coalesce(sum(ces_count), 0), coalesce(sum(ces_sum), 0), coalesce(sum(queued), 0),
             coalesce(sum(queued_abandoned), 0), coalesce(sum(queued_answered_in_time), 0)
      from interaction_daily_rollup
      where vendor_id = :vendor and started_day >= :firstDay and started_day < :endDay
      """;

  private static final String MONTHLY_FROM_ROLLUPS_OF_ALL =
      """
      select vendor_id, extract(year from started_day), extract(month from started_day),
             sum(contacts), sum(handled), sum(handled_resolved),
             sum(handled_seconds), sum(csat_count), sum(csat_satisfied),
             sum(nps_count), sum(nps_promoters), sum(nps_detractors),
             sum(ces_count), sum(ces_sum), sum(queued),
             sum(queued_abandoned), sum(queued_answered_in_time)
      from interaction_daily_rollup
      where started_day >= :firstDay and started_day < :endDay
      group by vendor_id, extract(year from started_day), extract(month from started_day)
      """;

  private static final String FROM_RAW =
      "select "
          + InteractionRollups.AGGREGATES
          + " from interaction where vendor_id = :vendor and started_at >= :start and started_at < :end";

  private final NamedParameterJdbcTemplate jdbc;

  KpiQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public KpiTotals fromRollups(String vendorId, Period period) {
    return fromRollups(vendorId, period.firstDay(), period.endDay());
  }

  /**
   * The totals over whole UTC days {@code [from, toExclusive)} from the daily rollups (e.g. a
   * pilot's window); {@link KpiTotals#EMPTY} for an empty range.
   */
  @Transactional(readOnly = true)
  public KpiTotals fromRollups(String vendorId, LocalDate from, LocalDate toExclusive) {
    if (!toExclusive.isAfter(from)) {
      return KpiTotals.EMPTY;
    }
    return jdbc.queryForObject(
        FROM_ROLLUPS,
        Map.of(
            "vendor",
            vendorId,
            "firstDay",
            Date.valueOf(from),
            "endDay",
            Date.valueOf(toExclusive)),
        (rs, row) -> totals(rs));
  }

  /**
   * Every vendor's totals per calendar month over the UTC days {@code [from, toExclusive)}, from
   * the daily rollups in one grouped query (the dashboard's read); months without rollups are
   * absent.
   */
  @Transactional(readOnly = true)
  public Map<String, Map<YearMonth, KpiTotals>> monthlyFromRollupsOfAll(
      LocalDate from, LocalDate toExclusive) {
    Map<String, Map<YearMonth, KpiTotals>> result = new HashMap<>();
    jdbc.query(
        MONTHLY_FROM_ROLLUPS_OF_ALL,
        Map.of("firstDay", Date.valueOf(from), "endDay", Date.valueOf(toExclusive)),
        rs -> {
          YearMonth month = YearMonth.of(rs.getInt(2), rs.getInt(3));
          long contacts = rs.getLong(4);
          if (contacts == 0) {
            return;
          }
          result
              .computeIfAbsent(rs.getString(1), v -> new HashMap<>())
              .put(
                  month,
                  new KpiTotals(
                      contacts,
                      rs.getLong(5),
                      rs.getLong(6),
                      rs.getLong(7),
                      rs.getLong(8),
                      rs.getLong(9),
                      rs.getLong(10),
                      rs.getLong(11),
                      rs.getLong(12),
                      rs.getLong(13),
                      rs.getLong(14),
                      rs.getLong(15),
                      rs.getLong(16),
                      rs.getLong(17)));
        });
    return result;
  }

  /** The same totals straight from the interactions, bounded by {@code started_at} instants. */
  @Transactional(readOnly = true)
  public KpiTotals fromRaw(String vendorId, Period period, int serviceLevelThresholdSeconds) {
    return jdbc.queryForObject(
        FROM_RAW,
        Map.of(
            "vendor",
            vendorId,
            "start",
            period.start().atOffset(ZoneOffset.UTC),
            "end",
            period.end().atOffset(ZoneOffset.UTC),
            "threshold",
            serviceLevelThresholdSeconds),
        (rs, row) -> totals(rs));
  }

  private static KpiTotals totals(ResultSet rs) throws SQLException {
    long contacts = rs.getLong(1);
    if (contacts == 0) {
      return KpiTotals.EMPTY;
    }
    return new KpiTotals(
        contacts,
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getLong(9),
        rs.getLong(10),
        rs.getLong(11),
        rs.getLong(12),
        rs.getLong(13),
        rs.getLong(14));
  }
}
