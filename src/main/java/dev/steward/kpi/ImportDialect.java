package dev.steward.kpi;

import java.sql.Connection;
import java.sql.SQLException;

/** The databases the import runs on, each with its own fast load and merge. */
enum ImportDialect {
  POSTGRESQL,
  H2;

  static ImportDialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    return switch (product) {
      case "PostgreSQL" -> POSTGRESQL;
      case "H2" -> H2;
      default ->
          throw new IllegalStateException(
              "Interaction imports support PostgreSQL and H2, not " + product);
    };
  }
}
