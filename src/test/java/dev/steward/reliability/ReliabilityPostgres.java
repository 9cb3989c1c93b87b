package dev.steward.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A real PostgreSQL (the embedded binaries) on a fixed loopback port and data directory, so a test
 * can stop it and start it again on the same data. {@code synchronous_commit=on}: a commit is
 * acknowledged only once its WAL is flushed to disk.
 */
final class ReliabilityPostgres implements AutoCloseable {

  static final String DATABASE = "steward";

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  ReliabilityPostgres(String name) {
    this.port = StewardNode.freePort();
    this.dataDirectory = StewardNode.REPORT_DIR.resolve(name + "-pgdata");
    try {
      Files.createDirectories(StewardNode.REPORT_DIR);
      StewardNode.deleteRecursively(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
    execute("create database " + DATABASE);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
  }

  synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("fsync", "on")
              .setServerConfig("max_connections", "100")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL on " + dataDirectory, e);
    }
  }

  /** Stops the server (fast shutdown: open transactions are rolled back, sessions ended). */
  synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      server = null;
    }
  }

  /** The JDBC URL the application gets; {@code applicationName} names its sessions. */
  String jdbcUrl(String applicationName) {
    return "jdbc:postgresql://127.0.0.1:"
        + port
        + "/"
        + DATABASE
        + "?ApplicationName="
        + applicationName;
  }

  DataSource admin() {
    return server.getDatabase("postgres", DATABASE, Map.of("ApplicationName", "test-admin"));
  }

  /** A new connection to the application's database as the superuser (the caller closes it). */
  Connection connect() {
    try {
      return admin().getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void execute(String sql) {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs a statement on the application's database. */
  int update(String sql) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  long count(String sql) {
    return query(sql, rs -> rs.getLong(1)).get(0);
  }

  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  <T> List<T> query(String sql, Row<T> row) {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row.map(rs));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /**
   * Sessions of the application that wait for the escalation rows an administrator session holds: a
   * job (or request) inside its transaction, updating an escalation. Other lock waits (two nodes
   * acquiring the same job row at once) are short and do not count.
   */
  List<Integer> waitingOnEscalationRows(String applicationName) {
    return query(
        "select pid from pg_stat_activity where application_name = '"
            + applicationName
            + "' and wait_event_type = 'Lock' and query ilike 'update escalation %'",
        rs -> rs.getInt(1));
  }

  /**
   * Moves the given timer of these escalations' processes to now, as time passing would; returns
   * how many jobs it moved.
   */
  int makeTimersDue(String timerId, List<String> escalations) {
    return update(
        "update act_ru_job set duedate_ = now() - interval '1 second'"
            + " where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = '"
            + timerId
            + "') and process_instance_id_ in (select process_instance_id from escalation"
            + " where id in ("
            + inList(escalations)
            + "))");
  }

  /** Audit events of one action about these escalations. */
  long auditCount(String action, List<String> escalations) {
    return count(
        "select count(*) from audit_event where action = '"
            + action
            + "' and subject_id in ("
            + inList(escalations)
            + ")");
  }

  /** Ended activity instances of one BPMN element in these escalations' processes. */
  long activityCount(String activityId, List<String> escalations) {
    return count(
        "select count(*) from act_hi_actinst where act_id_ = '"
            + activityId
            + "' and end_time_ is not null and proc_inst_id_ in (select process_instance_id from"
            + " escalation where id in ("
            + inList(escalations)
            + "))");
  }

  /**
   * Each reminder and each response breach of these escalations took effect exactly once (audit
   * event, ended BPMN activity, one executive triage per breach), and nothing became an incident.
   */
  void assertRemindersAndBreachesOnce(List<String> reminded, List<String> breached) {
    assertThat(auditCount("ESCALATION_REMINDER_SENT", reminded)).isEqualTo(reminded.size());
    assertThat(auditCount("ESCALATION_RESPONSE_SLA_BREACHED", breached)).isEqualTo(breached.size());
    assertThat(activityCount("Task_SendResponseReminder", reminded)).isEqualTo(reminded.size());
    assertThat(activityCount("Task_RecordResponseBreach", breached)).isEqualTo(breached.size());
    assertThat(
            count(
                "select count(*) from act_ru_task where task_def_key_ = 'Task_TriageAsExecutive'"
                    + " and proc_inst_id_ in (select process_instance_id from escalation where id in ("
                    + inList(breached)
                    + "))"))
        .as("one executive triage per breached escalation")
        .isEqualTo(breached.size());
    assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
  }

  static String inList(List<String> values) {
    return values.stream()
        .map(v -> "'" + v.replace("'", "''") + "'")
        .reduce((a, b) -> a + "," + b)
        .orElse("''");
  }

  /** Stops the server and removes its data directory. */
  @Override
  public void close() {
    stop();
    try {
      StewardNode.deleteRecursively(dataDirectory);
    } catch (IOException e) {
      // left for diagnosis; target/ is cleaned by the next build
    }
  }
}
