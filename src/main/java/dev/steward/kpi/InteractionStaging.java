package dev.steward.kpi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The temporary table an import streams the file's rows into before one set-based merge. It lives
 * in the import's transaction only: PostgreSQL and H2 drop it at commit, and a rollback takes it
 * away with everything else.
 */
interface InteractionStaging extends AutoCloseable {

  String TABLE = "interaction_staging";

  String COLUMNS =
      "line, interaction_id, agent_id, channel, started_at, started_day, handle_seconds, first_contact_resolved,"
          + " wait_seconds, abandoned, csat, nps, ces";

  /**
   * Every value but the line and id may be null: rows that broke a rule are staged to find
   * duplicate ids.
   */
  String DEFINITION =
      """
      (line bigint not null, interaction_id varchar(64) not null, agent_id varchar(64), channel varchar(8),
       started_at timestamp with time zone, started_day date, handle_seconds integer, first_contact_resolved boolean,
       wait_seconds integer, abandoned boolean, csat smallint, nps smallint, ces smallint)
      """;

  /** Creates the staging table on the transaction's connection and opens a load into it. */
  static InteractionStaging open(ImportDialect dialect, Connection connection) throws SQLException {
    return switch (dialect) {
      case POSTGRESQL -> PostgresCopyStaging.open(connection);
      case H2 -> JdbcBatchStaging.open(connection);
    };
  }

  void add(InteractionRow row);

  /** Completes the load: afterwards the table holds every row added. */
  void finish();

  /** Abandons a load that was not finished (the transaction is about to roll back). */
  @Override
  void close();
}
