package dev.steward.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DataAccessResourceFailureException;

/** Staging on H2: a transactional local temporary table loaded by JDBC batches. */
final class JdbcBatchStaging implements InteractionStaging {

  static final int BATCH = 1000;

  private final PreparedStatement insert;
  private int batched;

  private JdbcBatchStaging(PreparedStatement insert) {
    this.insert = insert;
  }

  static JdbcBatchStaging open(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // TRANSACTIONAL: creating it does not commit the import's transaction
      statement.execute(
          "create local temporary table "
              + TABLE
              + " "
              + DEFINITION
              + " on commit drop transactional");
    }
    return new JdbcBatchStaging(
        connection.prepareStatement(
            "insert into "
                + TABLE
                + " ("
                + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  }

  @Override
  public void add(InteractionRow row) {
    try {
      insert.setLong(1, row.line());
      insert.setString(2, row.interactionId());
      insert.setString(3, row.agentId());
      insert.setString(4, row.channel());
      OffsetDateTime startedAt =
          row.startedAt() == null
              ? null
              : OffsetDateTime.ofInstant(row.startedAt(), ZoneOffset.UTC);
      insert.setObject(5, startedAt, Types.TIMESTAMP_WITH_TIMEZONE);
      insert.setObject(6, row.startedDay(), Types.DATE);
      insert.setObject(7, row.handleSeconds(), Types.INTEGER);
      insert.setObject(8, row.firstContactResolved(), Types.BOOLEAN);
      insert.setObject(9, row.waitSeconds(), Types.INTEGER);
      insert.setObject(10, row.abandoned(), Types.BOOLEAN);
      insert.setObject(11, row.csat(), Types.SMALLINT);
      insert.setObject(12, row.nps(), Types.SMALLINT);
      insert.setObject(13, row.ces(), Types.SMALLINT);
      insert.addBatch();
      if (++batched == BATCH) {
        insert.executeBatch();
        batched = 0;
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot stage interaction rows", e);
    }
  }

  @Override
  public void finish() {
    try {
      if (batched > 0) {
        insert.executeBatch();
        batched = 0;
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot stage interaction rows", e);
    }
  }

  @Override
  public void close() {
    try {
      insert.close();
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot close the staging statement", e);
    }
  }
}
