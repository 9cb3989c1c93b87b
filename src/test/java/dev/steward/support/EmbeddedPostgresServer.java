package dev.steward.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL per test JVM, from the embedded binaries (no Docker). Started on first use,
 * stopped when the JVM exits. Each caller gets a fresh, empty database, so Flyway and the engine
 * migrate from nothing.
 */
public final class EmbeddedPostgresServer {

  private static EmbeddedPostgres server;
  private static int databases;

  private EmbeddedPostgresServer() {}

  /** JDBC URL of a new empty database owned by the {@code postgres} user. */
  public static synchronized String newDatabase() {
    try {
      if (server == null) {
        // the library stops the server itself when the JVM exits
        server = EmbeddedPostgres.builder().start();
      }
      String name = "steward_test_" + (++databases);
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database " + name);
      }
      return server.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database", e);
    }
  }
}
