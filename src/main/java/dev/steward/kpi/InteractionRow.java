package dev.steward.kpi;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One record of an interaction CSV file as read: a value is {@code null} where the file left an
 * optional column empty or where the value broke its rule (the import then fails, so such a row is
 * only staged to find duplicate ids). {@code startedAt} is truncated to microseconds, the precision
 * both databases store, and {@code startedDay} is its UTC date.
 *
 * @param line the physical line of the file the record starts on (the header is line 1)
 */
record InteractionRow(
    long line,
    String interactionId,
    String agentId,
    String channel,
    Instant startedAt,
    LocalDate startedDay,
    Integer handleSeconds,
    Boolean firstContactResolved,
    Integer waitSeconds,
    Boolean abandoned,
    Integer csat,
    Integer nps,
    Integer ces) {}
