package dev.steward.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmarks' PostgreSQL: the embedded binaries (as the integration tests), but with settings
 * stated here and written to the results, closer to a small production server than the test
 * server's defaults: durable commits ({@code synchronous_commit=on}), 256 MB shared buffers.
 */
public final class BenchPostgres
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** The server settings the benchmarks run with. */
  public static final Map<String, String> SETTINGS = new LinkedHashMap<>();

  static {
    SETTINGS.put("shared_buffers", "256MB");
    SETTINGS.put("work_mem", "16MB");
    SETTINGS.put("maintenance_work_mem", "256MB");
    SETTINGS.put("synchronous_commit", "on");
    SETTINGS.put("fsync", "on");
    SETTINGS.put("max_wal_size", "2GB");
    SETTINGS.put("max_connections", "300");
    SETTINGS.put("timezone", "UTC");
  }

  private static EmbeddedPostgres server;
  private static int databases;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().addActiveProfile("postgres");
    TestPropertyValues.of(
            "spring.datasource.url=" + newDatabase(),
            "spring.datasource.username=postgres",
            "spring.datasource.password=postgres",
            "spring.datasource.hikari.connection-timeout=10000")
        .applyTo(context);
  }

  /** JDBC URL of a new empty database on the benchmark server. */
  public static synchronized String newDatabase() {
    try {
      if (server == null) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        SETTINGS.forEach(builder::setServerConfig);
        server = builder.start();
      }
      String name = "steward_bench_" + (++databases);
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database " + name);
      }
      return server.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a benchmark database", e);
    }
  }

  /** The settings as the running server reports them, plus its version. */
  public static synchronized Map<String, String> reported() {
    Map<String, String> reported = new LinkedHashMap<>();
    if (server == null) {
      return reported;
    }
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet version = s.executeQuery("select version()")) {
        version.next();
        reported.put("version", version.getString(1));
      }
      for (String name : SETTINGS.keySet()) {
        try (ResultSet r = s.executeQuery("show " + name)) {
          r.next();
          reported.put(name, r.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return reported;
  }
}
