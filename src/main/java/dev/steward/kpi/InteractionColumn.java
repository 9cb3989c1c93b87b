package dev.steward.kpi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of an interaction CSV file (kpis.md "Interaction records"); header names are
 * case-insensitive.
 */
enum InteractionColumn {
  INTERACTION_ID("interaction_id", true),
  AGENT_ID("agent_id", true),
  CHANNEL("channel", true),
  STARTED_AT("started_at", true),
  HANDLE_SECONDS("handle_seconds", true),
  FIRST_CONTACT_RESOLVED("first_contact_resolved", true),
  WAIT_SECONDS("wait_seconds", false),
  ABANDONED("abandoned", false),
  CSAT("csat", false),
  NPS("nps", false),
  CES("ces", false);

  private static final Map<String, InteractionColumn> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(c -> c.header, Function.identity()));

  /** Every column name, in the order of kpis.md, for messages. */
  static final String ALL =
      Arrays.stream(values()).map(c -> c.header).collect(Collectors.joining(", "));

  final String header;
  final boolean required;

  InteractionColumn(String header, boolean required) {
    this.header = header;
    this.required = required;
  }

  /** The column a header cell names, in any case; {@code null} for an unknown name. */
  static InteractionColumn byHeader(String name) {
    return BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }
}
