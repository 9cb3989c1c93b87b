package dev.steward.kpi;

import static dev.steward.kpi.InteractionColumn.ABANDONED;
import static dev.steward.kpi.InteractionColumn.AGENT_ID;
import static dev.steward.kpi.InteractionColumn.CES;
import static dev.steward.kpi.InteractionColumn.CHANNEL;
import static dev.steward.kpi.InteractionColumn.CSAT;
import static dev.steward.kpi.InteractionColumn.FIRST_CONTACT_RESOLVED;
import static dev.steward.kpi.InteractionColumn.HANDLE_SECONDS;
import static dev.steward.kpi.InteractionColumn.INTERACTION_ID;
import static dev.steward.kpi.InteractionColumn.NPS;
import static dev.steward.kpi.InteractionColumn.STARTED_AT;
import static dev.steward.kpi.InteractionColumn.WAIT_SECONDS;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * The row rules of kpis.md: turns one CSV record into an {@link InteractionRow} and reports every
 * rule it breaks, naming the column as the file's header spells it and saying what is allowed.
 */
final class InteractionRowParser {

  static final int MAX_HANDLE_SECONDS = 86_400;

  /**
   * started_at must fall in [EARLIEST, END): a year outside is a typo (0206 for 2026), and both
   * databases store this range without surprises (the ISO parser itself accepts years up to
   * 999,999,999).
   */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

  private static final String ID_ALPHABET = "A-Z a-z 0-9 . _ : -";
  private static final String INSTANT_EXAMPLE =
      "an ISO-8601 instant with an offset or Z, e.g. 2026-07-01T09:15:00+05:30";
  private static final List<String> CHANNELS = List.of("PHONE", "EMAIL", "CHAT", "SOCIAL");
  private static final int SHOWN = 40;

  private final int[] positions;
  private final String[] names;
  private final ImportErrors errors;
  private long line;

  /**
   * @param positions the field index of each column by ordinal, -1 where the header lacks the
   *     column
   * @param names each column's name as the header spells it (by ordinal)
   */
  InteractionRowParser(int[] positions, String[] names, ImportErrors errors) {
    this.positions = positions;
    this.names = names;
    this.errors = errors;
  }

  /**
   * Reads a record whose field count matches the header.
   *
   * @return the row, with {@code null} for every value that broke its rule; {@code null} when the
   *     interaction id itself is invalid (nothing to stage)
   */
  InteractionRow parse(long line, CSVRecord record) {
    this.line = line;
    String interactionId = identifier(INTERACTION_ID, value(record, INTERACTION_ID));
    String agentId = identifier(AGENT_ID, value(record, AGENT_ID));
    String channel = channel(value(record, CHANNEL));
    Instant startedAt = startedAt(value(record, STARTED_AT));
    Integer handleSeconds = handleSeconds(value(record, HANDLE_SECONDS));
    Boolean resolved = bool(FIRST_CONTACT_RESOLVED, value(record, FIRST_CONTACT_RESOLVED), true);
    String wait = value(record, WAIT_SECONDS);
    Integer waitSeconds =
        optionalNumber(WAIT_SECONDS, wait, 0, Integer.MAX_VALUE, "a whole number of seconds ≥ 0");
    Boolean abandoned = bool(ABANDONED, value(record, ABANDONED), false);
    if (Boolean.TRUE.equals(abandoned) && wait.isEmpty()) {
      fail(ABANDONED, "true requires wait_seconds: an abandoned contact waited in a queue");
      abandoned = null;
    }
    Integer csat = optionalNumber(CSAT, value(record, CSAT), 1, 5, "a whole number from 1 to 5");
    Integer nps = optionalNumber(NPS, value(record, NPS), 0, 10, "a whole number from 0 to 10");
    Integer ces = optionalNumber(CES, value(record, CES), 1, 7, "a whole number from 1 to 7");
    if (interactionId == null) {
      return null;
    }
    LocalDate startedDay =
        startedAt == null ? null : LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
    return new InteractionRow(
        line,
        interactionId,
        agentId,
        channel,
        startedAt,
        startedDay,
        handleSeconds,
        resolved,
        waitSeconds,
        abandoned,
        csat,
        nps,
        ces);
  }

  private String value(CSVRecord record, InteractionColumn column) {
    int position = positions[column.ordinal()];
    return position < 0 ? "" : record.get(position);
  }

  private String identifier(InteractionColumn column, String value) {
    if (value.isEmpty()) {
      return fail(column, "is required: 1–64 characters of " + ID_ALPHABET);
    }
    if (value.length() > 64) {
      return fail(
          column,
          "must be at most 64 characters of "
              + ID_ALPHABET
              + ", got "
              + value.length()
              + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (!identifierChar(value.charAt(i))) {
        return fail(column, "may contain only " + ID_ALPHABET + ", got " + shown(value));
      }
    }
    return value;
  }

  static boolean identifierChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == ':'
        || c == '-';
  }

  private String channel(String value) {
    for (String channel : CHANNELS) {
      if (channel.equalsIgnoreCase(value)) {
        return channel;
      }
    }
    return value.isEmpty()
        ? fail(CHANNEL, "is required: PHONE, EMAIL, CHAT or SOCIAL (any case)")
        : fail(CHANNEL, "must be PHONE, EMAIL, CHAT or SOCIAL (any case), got " + shown(value));
  }

  private Instant startedAt(String value) {
    if (value.isEmpty()) {
      return fail(STARTED_AT, "is required: " + INSTANT_EXAMPLE);
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return fail(
          STARTED_AT,
          withoutOffset(value)
              ? "has no offset: add Z or an offset such as +05:30"
              : "must be " + INSTANT_EXAMPLE + ", got " + shown(value));
    }
    if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
      return fail(STARTED_AT, "must be between the years 1970 and 9999 (UTC), got " + shown(value));
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  private static boolean withoutOffset(String value) {
    try {
      LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private Integer handleSeconds(String value) {
    String rule = "a whole number of seconds from 0 to " + MAX_HANDLE_SECONDS;
    if (value.isEmpty()) {
      return fail(HANDLE_SECONDS, "is required: " + rule);
    }
    int seconds = wholeNumber(value);
    if (seconds < 0 || seconds > MAX_HANDLE_SECONDS) {
      return fail(HANDLE_SECONDS, "must be " + rule + ", got " + shown(value));
    }
    return seconds;
  }

  private Integer optionalNumber(
      InteractionColumn column, String value, int min, int max, String rule) {
    if (value.isEmpty()) {
      return null;
    }
    int number = wholeNumber(value);
    if (number < min || number > max) {
      return fail(column, "must be empty or " + rule + ", got " + shown(value));
    }
    return number;
  }

  /** The value of a string of at most nine digits (no sign, no spaces), or -1. */
  static int wholeNumber(String value) {
    if (value.isEmpty() || value.length() > 9) {
      return -1;
    }
    int number = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  private Boolean bool(InteractionColumn column, String value, boolean required) {
    if ("true".equalsIgnoreCase(value)) {
      return Boolean.TRUE;
    }
    if ("false".equalsIgnoreCase(value)) {
      return Boolean.FALSE;
    }
    if (value.isEmpty() && !required) {
      return Boolean.FALSE;
    }
    if (value.isEmpty()) {
      return fail(column, "is required: true or false (any case)");
    }
    return fail(
        column,
        "must be true or false (any case)"
            + (required ? "" : " or empty")
            + ", got "
            + shown(value));
  }

  private <T> T fail(InteractionColumn column, String message) {
    errors.add(line, names[column.ordinal()], message);
    return null;
  }

  /** A value quoted for a message, cut short if long. */
  static String shown(String value) {
    return "'" + (value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value) + "'";
  }
}
