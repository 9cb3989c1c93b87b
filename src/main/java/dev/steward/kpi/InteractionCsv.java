package dev.steward.kpi;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads an interaction CSV file (kpis.md) as a stream: RFC 4180, UTF-8 with or without a byte order
 * mark, a header row naming the columns in any order and case. Each record is checked as it is read
 * and handed on; nothing is kept but the first {@value ImportErrors#LISTED} errors, so memory stays
 * flat whatever the file size.
 *
 * <p>Lines are physical lines of the file (the header is line 1; a record with a quoted line break
 * counts the lines it spans). Blank lines are skipped. Duplicate interaction ids are not looked for
 * here: that needs the whole file, so the import finds them in its staging table.
 */
final class InteractionCsv {

  /**
   * Longer than any valid record by far; bounds what one broken record (an unclosed quote) can hold
   * in memory.
   */
  static final int MAX_RECORD_CHARS = 1 << 20;

  private static final String NAMING_THE_COLUMNS =
      "naming the columns (" + InteractionColumn.ALL + ")";

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  /**
   * What reading the file found.
   *
   * @param received the data records of the file
   * @param idColumn the interaction id column as the header spells it; {@code null} when the header
   *     is unusable
   */
  record Result(long received, ImportErrors errors, String idColumn) {}

  private InteractionCsv() {}

  /**
   * Reads the file to its end (or to a structural error that makes the rest unreadable).
   *
   * @param rows receives every record with a valid interaction id, valid or not otherwise, in file
   *     order
   * @throws IOException when the stream itself fails (the upload broke off)
   */
  static Result read(InputStream in, Consumer<InteractionRow> rows) throws IOException {
    ImportErrors errors = new ImportErrors();
    RecordLimit reader =
        new RecordLimit(
            new InputStreamReader(
                BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8));
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      CSVRecord header = next(records, 1, errors);
      if (header == null) {
        if (!errors.any()) {
          errors.add(
              1,
              null,
              "The file is empty: its first line must be the header row " + NAMING_THE_COLUMNS);
        }
        drain(in);
        return new Result(0, errors, null);
      }
      Header columns = Header.of(header, errors);
      if (columns == null) {
        drain(in);
        return new Result(0, errors, null);
      }
      InteractionRowParser rowParser =
          new InteractionRowParser(columns.positions, columns.names, errors);
      long received = 0;
      long line = parser.getCurrentLineNumber() + 1;
      reader.recordEnded();
      CSVRecord record;
      while ((record = next(records, line, errors)) != null) {
        long recordLine = line;
        line = parser.getCurrentLineNumber() + 1;
        reader.recordEnded();
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue;
        }
        received++;
        if (record.size() != columns.width) {
          errors.add(
              recordLine,
              null,
              "has " + record.size() + " fields, the header has " + columns.width);
          continue;
        }
        InteractionRow row = rowParser.parse(recordLine, record);
        if (row != null) {
          rows.accept(row);
        }
      }
      drain(in);
      return new Result(
          received, errors, columns.names[InteractionColumn.INTERACTION_ID.ordinal()]);
    }
  }

  /**
   * The next record, or {@code null} at the end or when the rest cannot be read as CSV (reported as
   * an error).
   */
  private static CSVRecord next(Iterator<CSVRecord> records, long line, ImportErrors errors)
      throws IOException {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      if (cause instanceof CSVException) {
        errors.add(
            line,
            null,
            "is not valid CSV: a quoted field must end with a quote followed by a comma or a line break, and a quote"
                + " inside it must be doubled; the rest of the file was not read");
        return null;
      }
      if (cause instanceof RecordTooLongException) {
        errors.add(
            line,
            null,
            "starts a record longer than "
                + MAX_RECORD_CHARS
                + " characters (an unclosed quote?); the rest of the file was not read");
        return null;
      }
      throw cause;
    }
  }

  /**
   * Reads what is left of the upload after reading stopped early, so a client still sending gets
   * the answer instead of a broken connection.
   */
  private static void drain(InputStream in) throws IOException {
    in.transferTo(OutputStream.nullOutputStream());
  }

  /** Where each column is in the records, and how the header spells it. */
  private record Header(int[] positions, String[] names, int width) {

    /** The header, or {@code null} after reporting what is wrong with it (as line 1 errors). */
    static Header of(CSVRecord header, ImportErrors errors) {
      int count = InteractionColumn.values().length;
      int[] positions = new int[count];
      String[] names = new String[count];
      Arrays.fill(positions, -1);
      boolean valid = true;
      if (header.size() == 1 && header.get(0).isEmpty()) {
        errors.add(
            1, null, "The first line is empty: it must be the header row " + NAMING_THE_COLUMNS);
        return null;
      }
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i);
        InteractionColumn column = InteractionColumn.byHeader(name);
        if (column == null) {
          String problem =
              name.isEmpty() ? "column " + (i + 1) + " has no name" : "is not a known column";
          errors.add(1, name, problem + "; the columns are " + InteractionColumn.ALL);
          valid = false;
        } else if (positions[column.ordinal()] >= 0) {
          errors.add(
              1,
              name,
              "appears twice (columns "
                  + (positions[column.ordinal()] + 1)
                  + " and "
                  + (i + 1)
                  + ")");
          valid = false;
        } else {
          positions[column.ordinal()] = i;
          names[column.ordinal()] = name;
        }
      }
      for (InteractionColumn column : InteractionColumn.values()) {
        if (positions[column.ordinal()] < 0) {
          names[column.ordinal()] = column.header;
          if (column.required) {
            errors.add(1, column.header, "is a required column and missing from the header");
            valid = false;
          }
        }
      }
      return valid ? new Header(positions, names, header.size()) : null;
    }
  }

  /**
   * Refuses a record longer than {@link #MAX_RECORD_CHARS} (give or take the parser's read-ahead).
   */
  private static final class RecordLimit extends FilterReader {

    private long sinceRecord;

    RecordLimit(Reader in) {
      super(in);
    }

    void recordEnded() {
      sinceRecord = 0;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      count(c < 0 ? 0 : 1);
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws RecordTooLongException {
      sinceRecord += n;
      if (sinceRecord > MAX_RECORD_CHARS) {
        throw new RecordTooLongException();
      }
    }
  }

  private static final class RecordTooLongException extends IOException {
    RecordTooLongException() {
      super("record too long");
    }
  }
}
