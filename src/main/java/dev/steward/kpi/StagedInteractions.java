package dev.steward.kpi;

import static dev.steward.kpi.InteractionStaging.TABLE;

import dev.steward.platform.FieldError;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-based work on a loaded staging table, inside the import's transaction: duplicate ids, what
 * the merge will replace, and the merge itself.
 */
@Component
class StagedInteractions {

  private static final String POSTGRESQL_MERGE =
      """
      insert into interaction (vendor_id, interaction_id, agent_id, channel, started_at, started_day, handle_seconds,
          first_contact_resolved, wait_seconds, abandoned, csat, nps, ces)
      select ?, interaction_id, agent_id, channel, started_at, started_day, handle_seconds,
          first_contact_resolved, wait_seconds, abandoned, csat, nps, ces
      from interaction_staging
      on conflict (vendor_id, interaction_id) do update set
          agent_id = excluded.agent_id, channel = excluded.channel, started_at = excluded.started_at,
          started_day = excluded.started_day, handle_seconds = excluded.handle_seconds,
          first_contact_resolved = excluded.first_contact_resolved, wait_seconds = excluded.wait_seconds,
          abandoned = excluded.abandoned, csat = excluded.csat, nps = excluded.nps, ces = excluded.ces
      -- an unchanged row is left alone: re-sending a file rewrites nothing
      where (interaction.agent_id, interaction.channel, interaction.started_at, interaction.handle_seconds,
             interaction.first_contact_resolved, interaction.wait_seconds, interaction.abandoned, interaction.csat,
             interaction.nps, interaction.ces)
          is distinct from
            (excluded.agent_id, excluded.channel, excluded.started_at, excluded.handle_seconds,
             excluded.first_contact_resolved, excluded.wait_seconds, excluded.abandoned, excluded.csat,
             excluded.nps, excluded.ces)
      """;

  /**
   * When no staged id is one of the vendor's already (a vendor's first file, or only new contacts):
   * a plain insert, without the conflict check per row.
   */
  private static final String POSTGRESQL_INSERT =
      """
      insert into interaction (vendor_id, interaction_id, agent_id, channel, started_at, started_day, handle_seconds,
          first_contact_resolved, wait_seconds, abandoned, csat, nps, ces)
      select ?, interaction_id, agent_id, channel, started_at, started_day, handle_seconds,
          first_contact_resolved, wait_seconds, abandoned, csat, nps, ces
      from interaction_staging
      """;

  private static final String H2_MERGE =
      """
      merge into interaction (vendor_id, interaction_id, agent_id, channel, started_at, started_day, handle_seconds,
          first_contact_resolved, wait_seconds, abandoned, csat, nps, ces)
      key (vendor_id, interaction_id)
      select cast(? as varchar(36)), interaction_id, agent_id, channel, started_at, started_day, handle_seconds,
          first_contact_resolved, wait_seconds, abandoned, csat, nps, ces
      from interaction_staging
      """;

  private final JdbcTemplate jdbc;

  StagedInteractions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Reports each staged row whose interaction id an earlier line of the file already has.
   *
   * @param idColumn the id column as the file's header spells it
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void reportDuplicates(ImportErrors errors, String idColumn) {
    Long duplicates =
        jdbc.queryForObject(
            "select count(*) - count(distinct interaction_id) from " + TABLE, Long.class);
    if (duplicates == null || duplicates == 0) {
      return;
    }
    List<FieldError> listed =
        jdbc.query(
            "select s.line, s.interaction_id, f.first_line from "
                + TABLE
                + " s join (select interaction_id, min(line) first_line from "
                + TABLE
                + " group by interaction_id having count(*) > 1) f on f.interaction_id = s.interaction_id"
                + " where s.line > f.first_line order by s.line limit "
                + ImportErrors.LISTED,
            (rs, n) ->
                FieldError.line(
                    rs.getLong(1),
                    idColumn,
                    "'"
                        + rs.getString(2)
                        + "' is already on line "
                        + rs.getLong(3)
                        + ": an id may appear once per file"));
    errors.addSecondPass(listed, duplicates);
  }

  /**
   * What merging the staged rows will do: how many of the vendor's rows they replace, and every UTC
   * day whose rollups change (the days of the staged rows and the old days of the rows they
   * replace).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Impact impact(String vendorId) {
    Set<LocalDate> days = new HashSet<>();
    long[] replaced = {0};
    jdbc.query(
        "select s.started_day, i.started_day, count(i.interaction_id) from "
            + TABLE
            + " s left join interaction i on i.vendor_id = ? and i.interaction_id = s.interaction_id"
            + " group by s.started_day, i.started_day",
        rs -> {
          days.add(rs.getObject(1, LocalDate.class));
          LocalDate old = rs.getObject(2, LocalDate.class);
          if (old != null) {
            days.add(old);
          }
          replaced[0] += rs.getLong(3);
        },
        vendorId);
    return new Impact(replaced[0], days);
  }

  /**
   * Inserts the staged rows as the vendor's, replacing rows with the same interaction id. {@code
   * impact} must have been read in this transaction, under the vendor's lock.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void mergeInto(String vendorId, ImportDialect dialect, Impact impact) {
    String sql =
        dialect == ImportDialect.H2
            ? H2_MERGE
            : impact.replaced() == 0 ? POSTGRESQL_INSERT : POSTGRESQL_MERGE;
    jdbc.update(sql, vendorId);
  }

  record Impact(long replaced, Set<LocalDate> days) {}
}
