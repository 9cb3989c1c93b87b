package dev.steward.training;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Training cohorts, their agents and certification attempts ({@code training_cohort}, {@code
 * training_agent}, {@code training_certification_attempt}).
 */
@Repository
class TrainingStore {

  private final JdbcTemplate jdbc;

  TrainingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Cohort(
      String id,
      String vendorId,
      CohortKind kind,
      String processInstanceId,
      String qaCycleId,
      Instant startedAt,
      LocalDate startedOn,
      String nestingPeriod,
      Integer proficientAgents,
      Double medianDaysToProficiency,
      Double meanDaysToProficiency,
      Instant completedAt) {}

  record Agent(
      String agentId,
      AgentStatus status,
      LocalDate proficiencyDate,
      Integer daysToProficiency,
      String proficiencyCheckedBy) {}

  record Attempt(
      String agentId,
      int attempt,
      double score,
      boolean passed,
      String recordedBy,
      Instant recordedAt) {}

  private static final String COHORT_COLUMNS =
      "id, vendor_id, kind, process_instance_id, qa_cycle_id, started_at, started_on,"
          + " nesting_period, proficient_agents, median_days_to_proficiency,"
          + " mean_days_to_proficiency, completed_at";

  Optional<Cohort> cohort(String id) {
    return jdbc
        .query(
            "select " + COHORT_COLUMNS + " from training_cohort where id = ?", this::mapCohort, id)
        .stream()
        .findFirst();
  }

  List<Cohort> cohortsOf(String vendorId) {
    return jdbc.query(
        "select "
            + COHORT_COLUMNS
            + " from training_cohort where vendor_id = ? order by started_at desc, id",
        this::mapCohort,
        vendorId);
  }

  void createCohort(Cohort cohort, List<String> agentIds) {
    jdbc.update(
        "insert into training_cohort (id, vendor_id, kind, process_instance_id, qa_cycle_id,"
            + " started_at, started_on, nesting_period) values (?, ?, ?, ?, ?, ?, ?, ?)",
        cohort.id(),
        cohort.vendorId(),
        cohort.kind().name(),
        cohort.processInstanceId(),
        cohort.qaCycleId(),
        Timestamp.from(cohort.startedAt()),
        Date.valueOf(cohort.startedOn()),
        cohort.nestingPeriod());
    jdbc.batchUpdate(
        "insert into training_agent (cohort_id, agent_id, status) values (?, ?, ?)",
        agentIds.stream()
            .map(a -> new Object[] {cohort.id(), a, AgentStatus.IN_TRAINING.name()})
            .toList());
  }

  void processInstance(String cohortId, String processInstanceId) {
    jdbc.update(
        "update training_cohort set process_instance_id = ? where id = ?",
        processInstanceId,
        cohortId);
  }

  List<Agent> agents(String cohortId) {
    return jdbc.query(
        "select agent_id, status, proficiency_date, days_to_proficiency, proficiency_checked_by"
            + " from training_agent where cohort_id = ? order by agent_id",
        (rs, row) -> {
          Date date = rs.getDate(3);
          Object days = rs.getObject(4);
          return new Agent(
              rs.getString(1),
              AgentStatus.valueOf(rs.getString(2)),
              date == null ? null : date.toLocalDate(),
              days == null ? null : rs.getInt(4),
              rs.getString(5));
        },
        cohortId);
  }

  List<Attempt> attempts(String cohortId) {
    return jdbc.query(
        "select agent_id, attempt, score, passed, recorded_by, recorded_at"
            + " from training_certification_attempt where cohort_id = ? order by agent_id, attempt",
        (rs, row) ->
            new Attempt(
                rs.getString(1),
                rs.getInt(2),
                rs.getDouble(3),
                rs.getBoolean(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant()),
        cohortId);
  }

  /** Records an attempt; the same attempt again (a retried job) replaces it. */
  void attempt(String cohortId, Attempt attempt) {
    jdbc.update(
        "delete from training_certification_attempt where cohort_id = ? and agent_id = ?"
            + " and attempt = ?",
        cohortId,
        attempt.agentId(),
        attempt.attempt());
    jdbc.update(
        "insert into training_certification_attempt (cohort_id, agent_id, attempt, score, passed,"
            + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)",
        cohortId,
        attempt.agentId(),
        attempt.attempt(),
        attempt.score(),
        attempt.passed(),
        attempt.recordedBy(),
        Timestamp.from(attempt.recordedAt()));
  }

  void status(String cohortId, String agentId, AgentStatus status) {
    int updated =
        jdbc.update(
            "update training_agent set status = ? where cohort_id = ? and agent_id = ?",
            status.name(),
            cohortId,
            agentId);
    if (updated == 0) {
      throw new IllegalStateException("Agent " + agentId + " is not in cohort " + cohortId);
    }
  }

  void proficiency(
      String cohortId,
      String agentId,
      AgentStatus status,
      LocalDate date,
      Integer days,
      String checkedBy) {
    int updated =
        jdbc.update(
            "update training_agent set status = ?, proficiency_date = ?, days_to_proficiency = ?,"
                + " proficiency_checked_by = ? where cohort_id = ? and agent_id = ?",
            status.name(),
            date == null ? null : Date.valueOf(date),
            days,
            checkedBy,
            cohortId,
            agentId);
    if (updated == 0) {
      throw new IllegalStateException("Agent " + agentId + " is not in cohort " + cohortId);
    }
  }

  void speedToProficiency(String cohortId, SpeedToProficiency speed, Instant completedAt) {
    jdbc.update(
        "update training_cohort set proficient_agents = ?, median_days_to_proficiency = ?,"
            + " mean_days_to_proficiency = ?, completed_at = coalesce(completed_at, ?) where id = ?",
        speed.proficientAgents(),
        speed.medianDays(),
        speed.meanDays(),
        Timestamp.from(completedAt),
        cohortId);
  }

  /** Marks the cohort completed; false if it already was. */
  boolean completed(String cohortId, Instant at) {
    return jdbc.update(
            "update training_cohort set completed_at = ? where id = ? and completed_at is null",
            Timestamp.from(at),
            cohortId)
        > 0;
  }

  private Cohort mapCohort(ResultSet rs, int row) throws SQLException {
    Date startedOn = rs.getDate("started_on");
    Timestamp completed = rs.getTimestamp("completed_at");
    return new Cohort(
        rs.getString("id"),
        rs.getString("vendor_id"),
        CohortKind.valueOf(rs.getString("kind")),
        rs.getString("process_instance_id"),
        rs.getString("qa_cycle_id"),
        rs.getTimestamp("started_at").toInstant(),
        startedOn.toLocalDate(),
        rs.getString("nesting_period"),
        (Integer) nullable(rs, "proficient_agents", rs.getInt("proficient_agents")),
        (Double)
            nullable(rs, "median_days_to_proficiency", rs.getDouble("median_days_to_proficiency")),
        (Double) nullable(rs, "mean_days_to_proficiency", rs.getDouble("mean_days_to_proficiency")),
        completed == null ? null : completed.toInstant());
  }

  private static Object nullable(ResultSet rs, String column, Object value) throws SQLException {
    return rs.getObject(column) == null ? null : value;
  }
}
