package dev.steward.onboarding;

import dev.steward.vendor.Involvement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The onboarding records ({@code vendor_onboarding}, {@code onboarding_candidate}). */
@Repository
class OnboardingStore {

  private final JdbcTemplate jdbc;

  OnboardingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One onboarding as stored. */
  record Onboarding(
      String id,
      String vendorId,
      ResponsibilitySplit split,
      Instant startedAt,
      Instant contractAppliedAt,
      String contractAppliedBy,
      Boolean defaultKpiTargets,
      String relationshipManager,
      String relationshipManagerAssignedBy,
      Instant relationshipManagerAssignedAt,
      String syncCadence,
      String reportingCadence,
      String escalationPath,
      String groundRulesSetBy,
      Instant groundRulesSetAt,
      Instant completedAt) {}

  /** One vetted candidate. */
  record Candidate(
      String agentId, String decision, String note, String decidedBy, Instant decidedAt) {}

  private static final String COLUMNS =
      "id, vendor_id, involvement, recruiting_owner, onboarding_sessions_owner, training_owner,"
          + " coaching_owner, qa_owner, started_at, contract_applied_at, contract_applied_by,"
          + " default_kpi_targets, relationship_manager, rm_assigned_by, rm_assigned_at,"
          + " sync_cadence, reporting_cadence, escalation_path, ground_rules_set_by,"
          + " ground_rules_set_at, completed_at";

  boolean exists(String id) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from vendor_onboarding where id = ?", Integer.class, id);
    return count != null && count > 0;
  }

  /** Creates the onboarding with its split; does nothing if it exists (a retried job). */
  void create(String id, String vendorId, ResponsibilitySplit split, Instant startedAt) {
    if (exists(id)) {
      return;
    }
    jdbc.update(
        "insert into vendor_onboarding (id, vendor_id, involvement, recruiting_owner,"
            + " onboarding_sessions_owner, training_owner, coaching_owner, qa_owner, started_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        vendorId,
        split.involvement().name(),
        split.owner(Responsibility.RECRUITING).name(),
        split.owner(Responsibility.ONBOARDING_SESSIONS).name(),
        split.owner(Responsibility.TRAINING).name(),
        split.owner(Responsibility.COACHING).name(),
        split.owner(Responsibility.QA).name(),
        Timestamp.from(startedAt));
  }

  Optional<Onboarding> find(String id) {
    return jdbc
        .query("select " + COLUMNS + " from vendor_onboarding where id = ?", this::onboarding, id)
        .stream()
        .findFirst();
  }

  /** The vendor's most recent onboarding. */
  Optional<Onboarding> latestOf(String vendorId) {
    return jdbc
        .query(
            "select "
                + COLUMNS
                + " from vendor_onboarding where vendor_id = ? order by started_at desc, id",
            this::onboarding,
            vendorId)
        .stream()
        .findFirst();
  }

  void contractApplied(String id, String by, boolean defaultTargets, Instant at) {
    jdbc.update(
        "update vendor_onboarding set contract_applied_at = ?, contract_applied_by = ?,"
            + " default_kpi_targets = ? where id = ?",
        Timestamp.from(at),
        by,
        defaultTargets,
        id);
  }

  void relationshipManagerAssigned(String id, String relationshipManager, String by, Instant at) {
    jdbc.update(
        "update vendor_onboarding set relationship_manager = ?, rm_assigned_by = ?,"
            + " rm_assigned_at = ? where id = ?",
        relationshipManager,
        by,
        Timestamp.from(at),
        id);
  }

  void groundRulesSet(
      String id,
      String syncCadence,
      String reportingCadence,
      String escalationPath,
      String by,
      Instant at) {
    jdbc.update(
        "update vendor_onboarding set sync_cadence = ?, reporting_cadence = ?, escalation_path = ?,"
            + " ground_rules_set_by = ?, ground_rules_set_at = ? where id = ?",
        syncCadence,
        reportingCadence,
        escalationPath,
        by,
        Timestamp.from(at),
        id);
  }

  /** Records the decision on a candidate; a second interview of the same agent replaces it. */
  void decide(String id, Candidate candidate) {
    jdbc.update(
        "delete from onboarding_candidate where onboarding_id = ? and agent_id = ?",
        id,
        candidate.agentId());
    jdbc.update(
        "insert into onboarding_candidate (onboarding_id, agent_id, decision, note, decided_by,"
            + " decided_at) values (?, ?, ?, ?, ?, ?)",
        id,
        candidate.agentId(),
        candidate.decision(),
        candidate.note(),
        candidate.decidedBy(),
        Timestamp.from(candidate.decidedAt()));
  }

  /** The vetted candidates, in the order they were decided. */
  List<Candidate> candidates(String id) {
    return jdbc.query(
        "select agent_id, decision, note, decided_by, decided_at from onboarding_candidate"
            + " where onboarding_id = ? order by decided_at, agent_id",
        (rs, row) ->
            new Candidate(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5)),
        id);
  }

  /** Marks the onboarding complete; returns false if it already was (a retried job). */
  boolean complete(String id, Instant at) {
    return jdbc.update(
            "update vendor_onboarding set completed_at = ? where id = ? and completed_at is null",
            Timestamp.from(at),
            id)
        > 0;
  }

  private Onboarding onboarding(ResultSet rs, int row) throws SQLException {
    Map<Responsibility, Owner> owners = new EnumMap<>(Responsibility.class);
    owners.put(Responsibility.RECRUITING, Owner.valueOf(rs.getString("recruiting_owner")));
    owners.put(
        Responsibility.ONBOARDING_SESSIONS,
        Owner.valueOf(rs.getString("onboarding_sessions_owner")));
    owners.put(Responsibility.TRAINING, Owner.valueOf(rs.getString("training_owner")));
    owners.put(Responsibility.COACHING, Owner.valueOf(rs.getString("coaching_owner")));
    owners.put(Responsibility.QA, Owner.valueOf(rs.getString("qa_owner")));
    Object defaultTargets = rs.getObject("default_kpi_targets");
    return new Onboarding(
        rs.getString("id"),
        rs.getString("vendor_id"),
        new ResponsibilitySplit(Involvement.valueOf(rs.getString("involvement")), owners),
        instant(rs, "started_at"),
        instant(rs, "contract_applied_at"),
        rs.getString("contract_applied_by"),
        defaultTargets == null ? null : rs.getBoolean("default_kpi_targets"),
        rs.getString("relationship_manager"),
        rs.getString("rm_assigned_by"),
        instant(rs, "rm_assigned_at"),
        rs.getString("sync_cadence"),
        rs.getString("reporting_cadence"),
        rs.getString("escalation_path"),
        rs.getString("ground_rules_set_by"),
        instant(rs, "ground_rules_set_at"),
        instant(rs, "completed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
