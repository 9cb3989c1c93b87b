package dev.steward.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.platform.FieldError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSV rules of kpis.md "Interaction records", without Spring or a database. */
class InteractionCsvTest {

  static final String HEADER =
      "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,wait_seconds,abandoned,csat,nps,ces";
  static final String GOOD = "C-1,agent.7,PHONE,2026-07-01T09:15:00+05:30,310,true,12,false,5,9,6";

  /** What one read produced. */
  record Read(InteractionCsv.Result result, List<InteractionRow> rows) {
    List<FieldError> errors() {
      return result.errors().listed();
    }

    long received() {
      return result.received();
    }
  }

  static Read read(String csv) {
    return read(csv.getBytes(StandardCharsets.UTF_8));
  }

  static Read read(byte[] csv) {
    return read(new ByteArrayInputStream(csv));
  }

  static Read read(InputStream csv) {
    List<InteractionRow> rows = new ArrayList<>();
    try {
      return new Read(InteractionCsv.read(csv, rows::add), rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A good row with the named values replaced. */
  static String row(Map<String, String> changes) {
    Map<String, String> values = new LinkedHashMap<>();
    String[] names = HEADER.split(",");
    String[] good = GOOD.split(",");
    for (int i = 0; i < names.length; i++) {
      values.put(names[i], good[i]);
    }
    values.putAll(changes);
    return values.values().stream()
        .map(InteractionCsvTest::quoted)
        .collect(Collectors.joining(","));
  }

  static String quoted(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }

  @Test
  void aGoodRowIsReadWithEveryValue() {
    Read read = read(HEADER + "\n" + GOOD + "\n");

    assertThat(read.errors()).isEmpty();
    assertThat(read.received()).isEqualTo(1);
    assertThat(read.rows())
        .containsExactly(
            new InteractionRow(
                2,
                "C-1",
                "agent.7",
                "PHONE",
                Instant.parse("2026-07-01T03:45:00Z"),
                LocalDate.parse("2026-07-01"),
                310,
                true,
                12,
                false,
                5,
                9,
                6));
    assertThat(read.result().idColumn()).isEqualTo("interaction_id");
  }

  @Test
  void headerNamesMayComeInAnyCaseAndOrder() {
    String header =
        "CES,Started_At,channel,NPS,Interaction_ID,csat,Abandoned,WAIT_SECONDS,First_Contact_Resolved,handle_SECONDS,AGENT_ID";
    Read read = read(header + "\n7,2026-07-01T09:15:00Z,Email,0,c:9,1,TRUE,30,False,0,A_1\n");

    assertThat(read.errors()).isEmpty();
    InteractionRow row = read.rows().get(0);
    assertThat(row.interactionId()).isEqualTo("c:9");
    assertThat(row.agentId()).isEqualTo("A_1");
    assertThat(row.channel()).isEqualTo("EMAIL");
    assertThat(row.startedAt()).isEqualTo(Instant.parse("2026-07-01T09:15:00Z"));
    assertThat(row.handleSeconds()).isZero();
    assertThat(row.firstContactResolved()).isFalse();
    assertThat(row.waitSeconds()).isEqualTo(30);
    assertThat(row.abandoned()).isTrue();
    assertThat(row.csat()).isEqualTo(1);
    assertThat(row.nps()).isZero();
    assertThat(row.ces()).isEqualTo(7);
    assertThat(read.result().idColumn()).isEqualTo("Interaction_ID");
  }

  @Test
  void optionalColumnsMayBeLeftOutOrEmpty() {
    Read without =
        read(
            "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved\nC-1,a,chat,2026-07-01T00:00:00Z,60,TRUE\n");
    Read empty = read(HEADER + "\nC-1,a,chat,2026-07-01T00:00:00Z,60,TRUE,,,,,\n");

    for (Read read : List.of(without, empty)) {
      assertThat(read.errors()).isEmpty();
      InteractionRow row = read.rows().get(0);
      assertThat(row.channel()).isEqualTo("CHAT");
      assertThat(row.firstContactResolved()).isTrue();
      assertThat(row.waitSeconds()).isNull();
      assertThat(row.abandoned()).as("empty abandoned means false").isFalse();
      assertThat(row.csat()).isNull();
      assertThat(row.nps()).isNull();
      assertThat(row.ces()).isNull();
    }
  }

  @Test
  void everyBoundaryValueIsAccepted() {
    String longestId = "A".repeat(26) + "z".repeat(26) + "0123456789._:-".substring(0, 12);
    String csv =
        HEADER
            + "\n"
            + row(
                Map.of(
                    "interaction_id",
                    longestId,
                    "handle_seconds",
                    "0",
                    "csat",
                    "1",
                    "nps",
                    "0",
                    "ces",
                    "1",
                    "wait_seconds",
                    "0"))
            + "\n"
            + row(
                Map.of(
                    "interaction_id",
                    "0123456789._:-",
                    "handle_seconds",
                    "86400",
                    "csat",
                    "5",
                    "nps",
                    "10",
                    "ces",
                    "7",
                    "channel",
                    "social"))
            + "\n"
            + row(
                Map.of(
                    "interaction_id",
                    "x",
                    "abandoned",
                    "tRuE",
                    "wait_seconds",
                    "999999999",
                    "first_contact_resolved",
                    "FALSE"))
            + "\n";

    Read read = read(csv);

    assertThat(longestId).hasSize(64);
    assertThat(read.errors()).isEmpty();
    assertThat(read.rows())
        .extracting(
            InteractionRow::interactionId, InteractionRow::handleSeconds, InteractionRow::abandoned)
        .containsExactly(
            tuple(longestId, 0, false),
            tuple("0123456789._:-", 86400, false),
            tuple("x", 310, true));
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        Arguments.of("interaction_id", "", "is required: 1–64 characters of A-Z a-z 0-9 . _ : -"),
        Arguments.of("interaction_id", "X".repeat(65), "must be at most 64 characters"),
        Arguments.of("interaction_id", "C 1", "may contain only A-Z a-z 0-9 . _ : -, got 'C 1'"),
        Arguments.of("interaction_id", "C/1", "may contain only"),
        Arguments.of("interaction_id", "Cä1", "may contain only"),
        Arguments.of("agent_id", "", "is required: 1–64 characters"),
        Arguments.of("agent_id", "a".repeat(65), "must be at most 64 characters"),
        Arguments.of("agent_id", "agent,7", "may contain only A-Z a-z 0-9 . _ : -, got 'agent,7'"),
        Arguments.of("channel", "", "is required: PHONE, EMAIL, CHAT or SOCIAL"),
        Arguments.of(
            "channel", "FAX", "must be PHONE, EMAIL, CHAT or SOCIAL (any case), got 'FAX'"),
        Arguments.of("started_at", "", "is required: an ISO-8601 instant with an offset or Z"),
        Arguments.of(
            "started_at",
            "2026-07-01T09:15:00",
            "has no offset: add Z or an offset such as +05:30"),
        Arguments.of(
            "started_at",
            "2026-07-01",
            "must be an ISO-8601 instant with an offset or Z, e.g. 2026-07-01T09:15:00+05:30"),
        Arguments.of("started_at", "2026-07-01 09:15:00Z", "must be an ISO-8601 instant"),
        Arguments.of("started_at", "2026-02-30T09:15:00Z", "must be an ISO-8601 instant"),
        Arguments.of("started_at", "2026-07-01T09:15:00+0530", "must be an ISO-8601 instant"),
        Arguments.of(
            "started_at", "1969-12-31T23:59:59Z", "must be between the years 1970 and 9999"),
        Arguments.of(
            "handle_seconds", "", "is required: a whole number of seconds from 0 to 86400"),
        Arguments.of(
            "handle_seconds", "-1", "must be a whole number of seconds from 0 to 86400, got '-1'"),
        Arguments.of("handle_seconds", "86401", "from 0 to 86400, got '86401'"),
        Arguments.of("handle_seconds", "1.5", "from 0 to 86400"),
        Arguments.of("handle_seconds", " 5", "from 0 to 86400"),
        Arguments.of("handle_seconds", "9999999999", "from 0 to 86400"),
        Arguments.of("first_contact_resolved", "", "is required: true or false"),
        Arguments.of(
            "first_contact_resolved", "yes", "must be true or false (any case), got 'yes'"),
        Arguments.of(
            "wait_seconds", "-1", "must be empty or a whole number of seconds ≥ 0, got '-1'"),
        Arguments.of("wait_seconds", "2.5", "must be empty or a whole number of seconds ≥ 0"),
        Arguments.of("abandoned", "1", "must be true or false (any case) or empty, got '1'"),
        Arguments.of("csat", "0", "must be empty or a whole number from 1 to 5, got '0'"),
        Arguments.of("csat", "6", "from 1 to 5"),
        Arguments.of("nps", "-1", "must be empty or a whole number from 0 to 10, got '-1'"),
        Arguments.of("nps", "11", "from 0 to 10"),
        Arguments.of("ces", "0", "must be empty or a whole number from 1 to 7, got '0'"),
        Arguments.of("ces", "8", "from 1 to 7"));
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @MethodSource("brokenRules")
  void eachBrokenRuleIsOneErrorOnItsLineAndColumn(String column, String value, String message) {
    Read read =
        read(HEADER + "\n" + GOOD.replace("C-1", "C-0") + "\n" + row(Map.of(column, value)) + "\n");

    assertThat(read.errors()).hasSize(1);
    FieldError error = read.errors().get(0);
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.column()).isEqualTo(column);
    assertThat(error.message()).contains(message);
    assertThat(error.field()).isNull();
    assertThat(read.received()).isEqualTo(2);
  }

  @Test
  void abandonedTrueRequiresAWait() {
    Read read =
        read(
            HEADER
                + "\n"
                + row(Map.of("abandoned", "true", "wait_seconds", ""))
                + "\n"
                + row(Map.of("interaction_id", "C-2", "abandoned", "true", "wait_seconds", "0"))
                + "\n");

    assertThat(read.errors())
        .extracting(FieldError::line, FieldError::column, FieldError::message)
        .containsExactly(
            tuple(
                2L,
                "abandoned",
                "true requires wait_seconds: an abandoned contact waited in a queue"));
  }

  @Test
  void abandonedTrueWithoutAWaitColumnIsAnError() {
    Read read =
        read(
            "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,Abandoned\nC-1,a,PHONE,2026-07-01T00:00Z,1,true,true\n");

    assertThat(read.errors())
        .extracting(FieldError::line, FieldError::column)
        .containsExactly(tuple(2L, "Abandoned"));
  }

  @Test
  void everyRuleARowBreaksIsReportedInColumnOrderWithTheHeadersSpelling() {
    String header = HEADER.replace("csat", "CSAT").replace("channel", "Channel");
    Read read = read(header + "\nC-1,,fax,yesterday,-5,maybe,x,no,9,99,0\n");

    assertThat(read.errors())
        .extracting(FieldError::line, FieldError::column)
        .containsExactly(
            tuple(2L, "agent_id"),
            tuple(2L, "Channel"),
            tuple(2L, "started_at"),
            tuple(2L, "handle_seconds"),
            tuple(2L, "first_contact_resolved"),
            tuple(2L, "wait_seconds"),
            tuple(2L, "abandoned"),
            tuple(2L, "CSAT"),
            tuple(2L, "nps"),
            tuple(2L, "ces"));
    // the id is valid: the row is staged (its bad values as null) so a later duplicate of it is
    // still found
    assertThat(read.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.interactionId()).isEqualTo("C-1");
              assertThat(r.agentId()).isNull();
              assertThat(r.startedAt()).isNull();
              assertThat(r.startedDay()).isNull();
              assertThat(r.csat()).isNull();
            });
  }

  @Test
  void aRowWithAnInvalidIdIsNotHandedOn() {
    Read read =
        read(
            HEADER
                + "\n"
                + row(Map.of("interaction_id", "bad id"))
                + "\n"
                + row(Map.of("interaction_id", "C-2"))
                + "\n");

    assertThat(read.rows()).extracting(InteractionRow::interactionId).containsExactly("C-2");
    assertThat(read.received()).isEqualTo(2);
  }

  @Test
  void offsetsAreNormalisedToUtcAndTheDayIsTheUtcDate() {
    Read read =
        read(
            HEADER
                + "\n"
                + row(Map.of("interaction_id", "a", "started_at", "2026-07-01T02:00+05:30"))
                + "\n"
                + row(Map.of("interaction_id", "b", "started_at", "2026-06-30T22:30:00-04:00"))
                + "\n"
                + row(Map.of("interaction_id", "c", "started_at", "2026-07-01T23:59:59.9999999Z"))
                + "\n");

    assertThat(read.errors()).isEmpty();
    assertThat(read.rows())
        .extracting(InteractionRow::startedAt, InteractionRow::startedDay)
        .containsExactly(
            tuple(Instant.parse("2026-06-30T20:30:00Z"), LocalDate.parse("2026-06-30")),
            tuple(Instant.parse("2026-07-01T02:30:00Z"), LocalDate.parse("2026-07-01")),
            // truncated to the microseconds the databases keep, so the day never rounds into the
            // next one
            tuple(Instant.parse("2026-07-01T23:59:59.999999Z"), LocalDate.parse("2026-07-01")));
  }

  @Test
  void aByteOrderMarkIsSkipped() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] csv = (HEADER + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(bom);
    file.writeBytes(csv);

    Read read = read(file.toByteArray());

    assertThat(read.errors()).isEmpty();
    assertThat(read.rows()).hasSize(1);
    assertThat(read.result().idColumn()).isEqualTo("interaction_id");
  }

  @Test
  void quotedFieldsWithCommasAndLineBreaksKeepLineNumbersRight() {
    String csv =
        HEADER
            + "\r\n"
            + "\"C-1\",\"agent.7\",\"PHONE\",\"2026-07-01T09:15:00Z\",\"310\",\"true\",\"\",\"\",\"\",\"\",\"\"\r\n" // line 2: all quoted, valid
            + "C-2,\"agent\n7\",PHONE,2026-07-01T09:15:00Z,310,true,,,,,\n" // lines 3-4: line break
            // inside agent_id
            + "C-3,agent.7,PHONE,2026-07-01T09:15:00Z,310,true,,,\"4,5\",,\n" // line 5: comma
            // inside csat
            + "\n" // line 6: blank, skipped
            + "C-4,\"a\"\"b\",PHONE,2026-07-01T09:15:00Z,310,true,,,,,\n" // line 7: doubled quote
            // inside agent_id
            + "C-5,agent.7,PHONE,2026-07-01T09:15:00Z,x,true,,,,,"; // line 8: no line break at the
    // end

    Read read = read(csv);

    assertThat(read.received()).isEqualTo(5);
    assertThat(read.errors())
        .extracting(FieldError::line, FieldError::column)
        .containsExactly(
            tuple(3L, "agent_id"),
            tuple(5L, "csat"),
            tuple(7L, "agent_id"),
            tuple(8L, "handle_seconds"));
    assertThat(read.errors().get(2).message()).contains("got 'a\"b'");
    assertThat(read.rows()).extracting(InteractionRow::line).containsExactly(2L, 3L, 5L, 7L, 8L);
  }

  @Test
  void aRecordWithTheWrongNumberOfFieldsIsAnErrorOfItsLine() {
    Read read =
        read(HEADER + "\n" + GOOD + ",extra\nC-2,agent\n" + GOOD.replace("C-1", "C-3") + "\n");

    assertThat(read.errors())
        .extracting(FieldError::line, FieldError::column, FieldError::message)
        .containsExactly(
            tuple(2L, null, "has 12 fields, the header has 11"),
            tuple(3L, null, "has 2 fields, the header has 11"));
    assertThat(read.rows()).extracting(InteractionRow::interactionId).containsExactly("C-3");
    assertThat(read.received()).isEqualTo(3);
  }

  @Test
  void anEmptyFileIsAnErrorOfLineOne() {
    for (String empty : List.of("", "\uFEFF")) {
      Read read = read(empty);
      assertThat(read.errors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.line()).isEqualTo(1);
                assertThat(e.message())
                    .startsWith("The file is empty")
                    .contains("interaction_id, agent_id, channel");
              });
      assertThat(read.received()).isZero();
    }
    assertThat(read("\n" + GOOD + "\n").errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("The first line is empty"));
  }

  @Test
  void aHeaderWithoutRowsIsAnEmptyImport() {
    for (String csv : List.of(HEADER, HEADER + "\n", HEADER + "\r\n\r\n")) {
      Read read = read(csv);
      assertThat(read.errors()).isEmpty();
      assertThat(read.received()).isZero();
      assertThat(read.rows()).isEmpty();
    }
  }

  @Test
  void unknownMissingAndDuplicatedColumnsAreLineOneErrorsAndNoRowIsRead() {
    String header =
        "interaction_id,Agent_ID,colour,channel,started_at,CSAT,csat,,first_contact_resolved";
    Read read = read(header + "\nC-1,a,red,PHONE,2026-07-01T00:00Z,1,1,,true\n");

    assertThat(read.errors())
        .extracting(FieldError::line, FieldError::column, FieldError::message)
        .containsExactly(
            tuple(1L, "colour", "is not a known column; the columns are " + InteractionColumn.ALL),
            tuple(1L, "csat", "appears twice (columns 6 and 7)"),
            tuple(1L, "", "column 8 has no name; the columns are " + InteractionColumn.ALL),
            tuple(1L, "handle_seconds", "is a required column and missing from the header"));
    assertThat(read.rows()).isEmpty();
    assertThat(read.received()).isZero();
    assertThat(read.result().idColumn()).isNull();
  }

  @Test
  void everyMissingRequiredColumnIsNamed() {
    Read read = read("wait_seconds,csat\n1,2\n");

    assertThat(read.errors())
        .extracting(FieldError::column)
        .containsExactly(
            "interaction_id",
            "agent_id",
            "channel",
            "started_at",
            "handle_seconds",
            "first_contact_resolved");
  }

  @Test
  void duplicateIdsAreLeftToTheStagingTable() {
    Read read = read(HEADER + "\n" + GOOD + "\n" + GOOD + "\n");

    // the parser keeps no ids (memory stays flat); the import finds duplicates in its staging table
    assertThat(read.errors()).isEmpty();
    assertThat(read.rows()).extracting(InteractionRow::line).containsExactly(2L, 3L);
  }

  @Test
  void atMostAThousandErrorsAreListedButTheWholeFileIsReadAndCounted() {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 1500; i++) {
      csv.append(row(Map.of("interaction_id", "C-" + i, "csat", "9"))).append('\n');
    }
    csv.append(row(Map.of("interaction_id", "last"))).append('\n');

    Read read = read(csv.toString());

    assertThat(read.result().errors().total()).isEqualTo(1500);
    assertThat(read.errors()).hasSize(1000);
    assertThat(read.errors().get(999).line()).isEqualTo(1001);
    assertThat(read.received()).isEqualTo(1501);
    assertThat(read.rows()).hasSize(1501);
    assertThat(read.result().errors().toException().getMessage())
        .isEqualTo("The file has 1500 errors; nothing was stored. The first 1000 are listed");
  }

  @Test
  void brokenCsvIsReportedAtTheRecordsFirstLineAndReadingStops() {
    Read unclosed =
        read(HEADER + "\n" + GOOD + "\nC-2,\"agent\n" + GOOD.replace("C-1", "C-3") + "\n");
    Read junkAfterQuote =
        read(
            HEADER
                + "\n"
                + GOOD
                + "\n\"C-2\"x,a,PHONE,2026-07-01T00:00Z,1,true,,,,,\n"
                + GOOD.replace("C-1", "C-3")
                + "\n");

    for (Read read : List.of(unclosed, junkAfterQuote)) {
      assertThat(read.errors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.column()).isNull();
                assertThat(e.message())
                    .startsWith("is not valid CSV")
                    .contains("the rest of the file was not read");
              });
      assertThat(read.rows()).extracting(InteractionRow::interactionId).containsExactly("C-1");
    }
  }

  @Test
  void aRecordLongerThanTheLimitStopsReadingWithoutHoldingIt() {
    InputStream endless =
        new InputStream() {
          long left = 4L * InteractionCsv.MAX_RECORD_CHARS;
          final byte[] start = (HEADER + "\n" + GOOD + "\nC-2,\"").getBytes(StandardCharsets.UTF_8);
          int at;

          @Override
          public int read() {
            if (at < start.length) {
              return start[at++];
            }
            return left-- > 0 ? 'x' : -1;
          }
        };

    Read read = read(endless);

    assertThat(read.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.message())
                  .contains("longer than " + InteractionCsv.MAX_RECORD_CHARS + " characters");
            });
  }

  @Test
  void bytesThatAreNotUtf8BreakTheRuleOfTheirColumn() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes((HEADER + "\n" + GOOD + "\nC-2,ag").getBytes(StandardCharsets.UTF_8));
    file.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    file.writeBytes(",PHONE,2026-07-01T00:00Z,1,true,,,,,\n".getBytes(StandardCharsets.UTF_8));

    Read read = read(file.toByteArray());

    assertThat(read.errors())
        .extracting(FieldError::line, FieldError::column)
        .containsExactly(tuple(3L, "agent_id"));
  }

  @Test
  void theFirstErrorsAreMergedWithDuplicatesFoundLaterInLineOrder() {
    ImportErrors errors = new ImportErrors();
    errors.add(2, "csat", "bad");
    errors.add(9, "nps", "bad");
    errors.addSecondPass(
        List.of(
            FieldError.line(5, "interaction_id", "dup"),
            FieldError.line(12, "interaction_id", "dup")),
        2);

    assertThat(errors.listed()).extracting(FieldError::line).containsExactly(2L, 5L, 9L, 12L);
    assertThat(errors.total()).isEqualTo(4);
  }

  @Test
  void laterDuplicatesDoNotJumpAheadOfErrorsThatWereCutOff() {
    ImportErrors errors = new ImportErrors();
    for (int line = 2; line < 2002; line++) {
      errors.add(line, "csat", "bad"); // 2,000 errors: lines 2..1001 listed
    }
    errors.addSecondPass(
        List.of(FieldError.line(500, "id", "dup"), FieldError.line(1500, "id", "dup")), 2);

    assertThat(errors.total()).isEqualTo(2002);
    assertThat(errors.listed()).hasSize(1000);
    assertThat(errors.listed()).extracting(FieldError::line).contains(500L).doesNotContain(1500L);
    assertThat(errors.listed().get(999).line()).isEqualTo(1000L);
  }
}
