package dev.steward.pilot;

import dev.steward.kpi.KpiKey;
import dev.steward.kpi.KpiTarget;
import dev.steward.kpi.KpiTotals;
import dev.steward.kpi.ScorecardDefinition;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The pilot tables (V6). */
@Repository
class PilotStore {

  /** The piloted vendor, or the incumbent of a challenger pilot. */
  enum Subject {
    PILOT,
    INCUMBENT
  }

  record PilotRow(
      String id,
      String vendorId,
      String processInstanceId,
      PilotStatus status,
      Instant createdAt,
      String scope,
      Integer liveVolumeSharePercent,
      LocalDate startDate,
      Integer durationDays,
      String incumbentVendorId,
      String plannedBy,
      Instant plannedAt,
      Instant scoredAt,
      String comparison,
      String decision,
      String decisionReason,
      String decidedBy,
      Instant decidedAt,
      String comparisonShown) {}

  record ScorecardRow(
      Subject subject, String vendorId, LocalDate from, LocalDate toExclusive, KpiTotals totals) {}

  private static final String COLUMNS =
      "id, vendor_id, process_instance_id, status, created_at, scope, live_volume_share_percent,"
          + " start_date, duration_days, incumbent_vendor_id, planned_by, planned_at, scored_at,"
          + " comparison, decision, decision_reason, decided_by, decided_at, comparison_shown";

  private final JdbcTemplate jdbc;

  PilotStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PilotRow> byProcessInstance(String processInstanceId) {
    return one(
        "select " + COLUMNS + " from pilot where process_instance_id = ?", processInstanceId);
  }

  void insert(String id, String vendorId, String processInstanceId, Instant at) {
    jdbc.update(
        "insert into pilot (id, vendor_id, process_instance_id, status, created_at) values (?, ?, ?, ?, ?)",
        id,
        vendorId,
        processInstanceId,
        PilotStatus.PLANNING.name(),
        Timestamp.from(at));
  }

  Optional<PilotRow> find(String id) {
    return one("select " + COLUMNS + " from pilot where id = ?", id);
  }

  /** The pilot locked until the transaction ends. */
  Optional<PilotRow> lock(String id) {
    return one("select " + COLUMNS + " from pilot where id = ? for update", id);
  }

  List<PilotRow> ofVendor(String vendorId) {
    return jdbc.query(
        "select " + COLUMNS + " from pilot where vendor_id = ? order by created_at desc, id",
        (rs, row) -> pilot(rs),
        vendorId);
  }

  void planned(
      String id,
      String scope,
      int share,
      LocalDate start,
      int durationDays,
      String incumbentVendorId,
      String by,
      Instant at) {
    jdbc.update(
        """
        update pilot set status = ?, scope = ?, live_volume_share_percent = ?, start_date = ?,
          duration_days = ?, incumbent_vendor_id = ?, planned_by = ?, planned_at = ?
        where id = ?
        """,
        PilotStatus.RUNNING.name(),
        scope,
        share,
        Date.valueOf(start),
        durationDays,
        incumbentVendorId,
        by,
        Timestamp.from(at),
        id);
  }

  void scored(
      String id,
      ScorecardDefinition definition,
      List<ScorecardRow> scorecards,
      String comparison,
      Instant at) {
    jdbc.update("delete from pilot_scorecard where pilot_id = ?", id);
    jdbc.update("delete from pilot_scorecard_kpi where pilot_id = ?", id);
    for (ScorecardRow s : scorecards) {
      KpiTotals t = s.totals();
      jdbc.update(
          """
          insert into pilot_scorecard (pilot_id, subject, vendor_id, window_start, window_end, contacts,
            handled, handled_resolved, handled_seconds, csat_count, csat_satisfied, nps_count,
            nps_promoters, nps_detractors, ces_count, ces_sum, queued, queued_abandoned,
            queued_answered_in_time)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
          id,
          s.subject().name(),
          s.vendorId(),
          Date.valueOf(s.from()),
          Date.valueOf(s.toExclusive()),
          t.contacts(),
          t.handled(),
          t.handledResolved(),
          t.handledSeconds(),
          t.csatCount(),
          t.csatSatisfied(),
          t.npsCount(),
          t.npsPromoters(),
          t.npsDetractors(),
          t.cesCount(),
          t.cesSum(),
          t.queued(),
          t.queuedAbandoned(),
          t.queuedAnsweredInTime());
    }
    definition
        .kpis()
        .forEach(
            (key, target) ->
                jdbc.update(
                    "insert into pilot_scorecard_kpi (pilot_id, kpi, target, zero_point, weight) values (?, ?, ?, ?, ?)",
                    id,
                    key.key(),
                    target.target(),
                    target.zero(),
                    target.weight()));
    jdbc.update(
        "update pilot set status = ?, comparison = ?, scored_at = ? where id = ?",
        PilotStatus.SCORED.name(),
        comparison,
        Timestamp.from(at),
        id);
  }

  List<ScorecardRow> scorecards(String id) {
    return jdbc.query(
        """
        select subject, vendor_id, window_start, window_end, contacts, handled, handled_resolved,
          handled_seconds, csat_count, csat_satisfied, nps_count, nps_promoters, nps_detractors,
          ces_count, ces_sum, queued, queued_abandoned, queued_answered_in_time
        from pilot_scorecard where pilot_id = ? order by subject desc
        """,
        (rs, row) ->
            new ScorecardRow(
                Subject.valueOf(rs.getString(1)),
                rs.getString(2),
                rs.getDate(3).toLocalDate(),
                rs.getDate(4).toLocalDate(),
                new KpiTotals(
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
                    rs.getLong(17),
                    rs.getLong(18))),
        id);
  }

  /** The definition the pilot was scored with; empty before it is scored. */
  Optional<ScorecardDefinition> definition(String id) {
    Map<KpiKey, KpiTarget> kpis = new EnumMap<>(KpiKey.class);
    jdbc.query(
        "select kpi, target, zero_point, weight from pilot_scorecard_kpi where pilot_id = ?",
        rs -> {
          Optional<KpiKey> key = KpiKey.of(rs.getString(1));
          if (key.isPresent()) {
            kpis.put(
                key.get(), new KpiTarget(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4)));
          }
        },
        id);
    return kpis.isEmpty() ? Optional.empty() : Optional.of(new ScorecardDefinition(kpis));
  }

  void decided(String id, String decision, String reason, String by, Instant at, String shown) {
    jdbc.update(
        """
        update pilot set status = ?, decision = ?, decision_reason = ?, decided_by = ?, decided_at = ?,
          comparison_shown = ?
        where id = ?
        """,
        PilotStatus.DECIDED.name(),
        decision,
        reason,
        by,
        Timestamp.from(at),
        shown,
        id);
  }

  private Optional<PilotRow> one(String sql, String arg) {
    return jdbc.query(sql, (rs, row) -> pilot(rs), arg).stream().findFirst();
  }

  private static PilotRow pilot(ResultSet rs) throws SQLException {
    Date start = rs.getDate(8);
    return new PilotRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        PilotStatus.valueOf(rs.getString(4)),
        instant(rs.getTimestamp(5)),
        rs.getString(6),
        integer(rs, 7),
        start == null ? null : start.toLocalDate(),
        integer(rs, 9),
        rs.getString(10),
        rs.getString(11),
        instant(rs.getTimestamp(12)),
        instant(rs.getTimestamp(13)),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        rs.getString(17),
        instant(rs.getTimestamp(18)),
        rs.getString(19));
  }

  private static Integer integer(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
