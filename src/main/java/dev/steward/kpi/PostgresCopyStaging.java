package dev.steward.kpi;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Staging on PostgreSQL: a temporary table loaded by one {@code COPY ... FROM STDIN} that streams
 * as the file is read. Each row is formatted straight into bytes of COPY's text format and handed
 * to the driver's {@code PGCopyOutputStream}, which sends 64 KiB at a time; nothing else is
 * buffered. Every value is plain ASCII by then (ids are checked against their alphabet, a value
 * that broke a rule is {@code \N}), so nothing needs escaping.
 *
 * <p>The driver is a runtime dependency of the build, so its two COPY types are reached by
 * reflection here and nowhere else; with the driver on the compile class path this becomes {@code
 * new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, BUFFER)}.
 */
final class PostgresCopyStaging implements InteractionStaging {

  private static final int BUFFER = 1 << 16;
  private static final byte TAB = '\t';
  private static final byte[] NULL = {'\\', 'N'};

  private final Connection connection;
  private final OutputStream copy;

  /**
   * One formatted row: far more than the longest row (two ids of 64 characters and short numbers).
   */
  private final byte[] row = new byte[512];

  private int length;
  private boolean finished;

  private PostgresCopyStaging(Connection connection, OutputStream copy) {
    this.connection = connection;
    this.copy = copy;
  }

  static PostgresCopyStaging open(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("create temporary table " + TABLE + " " + DEFINITION + " on commit drop");
    }
    return new PostgresCopyStaging(
        connection, copyIn(connection, "copy " + TABLE + " (" + COLUMNS + ") from stdin"));
  }

  private static OutputStream copyIn(Connection connection, String sql) throws SQLException {
    try {
      ClassLoader loader = PostgresCopyStaging.class.getClassLoader();
      Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", true, loader);
      Class<?> copyStream = Class.forName("org.postgresql.copy.PGCopyOutputStream", true, loader);
      return (OutputStream)
          copyStream
              .getConstructor(pgConnection, String.class, int.class)
              .newInstance(connection.unwrap(pgConnection), sql, BUFFER);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SQLException failure) {
        throw failure;
      }
      throw new IllegalStateException("Cannot start COPY", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "The PostgreSQL driver on the class path has no COPY support", e);
    }
  }

  @Override
  public void add(InteractionRow r) {
    length = 0;
    number(r.line());
    tab();
    ascii(r.interactionId());
    tab();
    ascii(r.agentId());
    tab();
    ascii(r.channel());
    tab();
    timestamp(r.startedAt());
    tab();
    date(r.startedDay());
    tab();
    number(r.handleSeconds());
    tab();
    bool(r.firstContactResolved());
    tab();
    number(r.waitSeconds());
    tab();
    bool(r.abandoned());
    tab();
    number(r.csat());
    tab();
    number(r.nps());
    tab();
    number(r.ces());
    row[length++] = '\n';
    try {
      copy.write(row, 0, length);
    } catch (IOException e) {
      throw new DataAccessResourceFailureException("COPY into the staging table failed", e);
    }
  }

  @Override
  public void finish() {
    try {
      copy.close(); // ends the COPY
      finished = true;
    } catch (IOException e) {
      throw new DataAccessResourceFailureException("COPY into the staging table failed", e);
    }
    // autovacuum never analyzes a temporary table: without statistics the planner guesses the
    // size of the staged file for the duplicate check, the impact join and the merge
    try (Statement statement = connection.createStatement()) {
      statement.execute("analyze " + TABLE);
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot analyze the staging table", e);
    }
  }

  @Override
  public void close() {
    if (finished) {
      return;
    }
    try {
      // leaves the connection usable for the rollback
      copy.getClass().getMethod("cancelCopy").invoke(copy);
    } catch (InvocationTargetException e) {
      throw new DataAccessResourceFailureException("Cannot cancel COPY", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot cancel COPY", e);
    }
  }

  private void tab() {
    row[length++] = TAB;
  }

  private void nul() {
    row[length++] = NULL[0];
    row[length++] = NULL[1];
  }

  private void ascii(String value) {
    if (value == null) {
      nul();
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      row[length++] = (byte) value.charAt(i);
    }
  }

  private void number(Integer value) {
    if (value == null) {
      nul();
    } else {
      number(value.longValue());
    }
  }

  private void number(long value) {
    if (value < 0) {
      row[length++] = '-';
      value = -value;
    }
    int start = length;
    do {
      row[length++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    for (int i = start, j = length - 1; i < j; i++, j--) {
      byte b = row[i];
      row[i] = row[j];
      row[j] = b;
    }
  }

  private void bool(Boolean value) {
    if (value == null) {
      nul();
    } else {
      row[length++] = (byte) (value ? 't' : 'f');
    }
  }

  private void date(LocalDate day) {
    if (day == null) {
      nul();
      return;
    }
    digits(day.getYear(), 4);
    row[length++] = '-';
    digits(day.getMonthValue(), 2);
    row[length++] = '-';
    digits(day.getDayOfMonth(), 2);
  }

  /** {@code yyyy-mm-dd hh:mm:ss[.uuuuuu]+00}: the instant in UTC, to the microsecond. */
  private void timestamp(Instant instant) {
    if (instant == null) {
      nul();
      return;
    }
    LocalDateTime utc =
        LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    date(utc.toLocalDate());
    row[length++] = ' ';
    digits(utc.getHour(), 2);
    row[length++] = ':';
    digits(utc.getMinute(), 2);
    row[length++] = ':';
    digits(utc.getSecond(), 2);
    int micros = instant.getNano() / 1000;
    if (micros > 0) {
      row[length++] = '.';
      digits(micros, 6);
    }
    row[length++] = '+';
    row[length++] = '0';
    row[length++] = '0';
  }

  /** A non-negative number, zero-padded to the width. */
  private void digits(int value, int width) {
    for (int i = length + width - 1; i >= length; i--) {
      row[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += width;
  }
}
