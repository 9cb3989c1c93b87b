package dev.steward.kpi;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code interaction_daily_rollup} equal to an aggregate of {@code interaction}: after an
 * import the days it touched are recomputed, set-based, inside the import's transaction. The SQL
 * runs unchanged on H2 and PostgreSQL.
 */
@Component
class InteractionRollups {

  /** Days per statement: keeps IN lists short. */
  private static final int CHUNK = 400;

  static final String AGGREGATES =
      """
      count(*),
      sum(case when not abandoned then 1 else 0 end),
      sum(case when not abandoned and first_contact_resolved then 1 else 0 end),
      sum(case when not abandoned then handle_seconds else 0 end),
      count(csat),
      sum(case when csat >= 4 then 1 else 0 end),
      count(nps),
      sum(case when nps >= 9 then 1 else 0 end),
      sum(case when nps <= 6 then 1 else 0 end),
      count(ces),
      coalesce(sum(ces), 0),
      count(wait_seconds),
      sum(case when wait_seconds is not null and abandoned then 1 else 0 end),
      sum(case when wait_seconds is not null and not abandoned and wait_seconds <= :threshold then 1 else 0 end)
      """;

  private static final String DELETE =
      "delete from interaction_daily_rollup where vendor_id = :vendor and started_day in (:days)";

  private static final String INSERT =
      """
      insert into interaction_daily_rollup (vendor_id, started_day, agent_id, contacts, handled, handled_resolved,
          handled_seconds, csat_count, csat_satisfied, nps_count, nps_promoters, nps_detractors, ces_count, ces_sum,
          queued, queued_abandoned, queued_answered_in_time)
      select vendor_id, started_day, agent_id,
      """
          + AGGREGATES
          + """
      from interaction
      where vendor_id = :vendor and started_day in (:days)
      group by vendor_id, started_day, agent_id
      """;

  private final NamedParameterJdbcTemplate jdbc;

  InteractionRollups(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Recomputes the vendor's rollups of these UTC days from its interactions. */
  @Transactional(propagation = Propagation.MANDATORY)
  void refresh(String vendorId, Collection<LocalDate> days, int serviceLevelThresholdSeconds) {
    List<Date> all = days.stream().distinct().sorted().map(Date::valueOf).toList();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Date> chunk = new ArrayList<>(all.subList(from, Math.min(all.size(), from + CHUNK)));
      Map<String, Object> params =
          Map.of("vendor", vendorId, "days", chunk, "threshold", serviceLevelThresholdSeconds);
      jdbc.update(DELETE, params);
      jdbc.update(INSERT, params);
    }
  }

  /** Recomputes all of the vendor's rollups (after its service-level threshold changed). */
  @Transactional(propagation = Propagation.MANDATORY)
  void rebuild(String vendorId, int serviceLevelThresholdSeconds) {
    List<LocalDate> days =
        jdbc.queryForList(
            "select distinct started_day from interaction where vendor_id = :vendor",
            Map.of("vendor", vendorId),
            LocalDate.class);
    jdbc.update(
        "delete from interaction_daily_rollup where vendor_id = :vendor",
        Map.of("vendor", vendorId));
    refresh(vendorId, days, serviceLevelThresholdSeconds);
  }
}
