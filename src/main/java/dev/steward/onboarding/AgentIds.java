package dev.steward.onboarding;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Agent ids as the interaction data has them (kpis.md): 1-64 characters of letters, digits, '.',
 * '_', ':' and '-'. Onboarding proposes agents by these ids, training certifies them, QA audits
 * their interactions.
 */
public final class AgentIds {

  public static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** At most this many agents in one proposal or cohort. */
  public static final int MAX_AGENTS = 500;

  private static final String ALLOWED = "1-64 characters of letters, digits, '.', '_', ':' or '-'";

  private AgentIds() {}

  public static boolean isValid(String agentId) {
    return agentId != null && ALPHABET.matcher(agentId).matches();
  }

  /**
   * The ids typed into a form field, separated by commas, semicolons, spaces or new lines, in
   * order.
   *
   * @throws InvalidDataException naming {@code field}, with every problem: none given, an invalid
   *     id, an id given twice, too many
   */
  public static List<String> parse(String field, String text) {
    List<String> ids = new ArrayList<>();
    if (text != null) {
      for (String part : text.split("[,;\\s]+")) {
        if (!part.isEmpty()) {
          ids.add(part);
        }
      }
    }
    check(field, ids);
    return List.copyOf(ids);
  }

  /**
   * Checks a list of agent ids.
   *
   * @throws InvalidDataException naming {@code field}, with every problem
   */
  public static void check(String field, List<String> ids) {
    List<FieldError> errors = new ArrayList<>();
    if (ids == null || ids.isEmpty()) {
      errors.add(FieldError.field(field, "name at least one agent id (" + ALLOWED + ")"));
    } else {
      Set<String> seen = new LinkedHashSet<>();
      Set<String> twice = new LinkedHashSet<>();
      for (String id : ids) {
        if (!isValid(id)) {
          errors.add(FieldError.field(field, "'" + shown(id) + "' is not an agent id: " + ALLOWED));
        } else if (!seen.add(id)) {
          twice.add(id);
        }
      }
      twice.forEach(id -> errors.add(FieldError.field(field, "'" + id + "' is listed twice")));
      if (ids.size() > MAX_AGENTS) {
        errors.add(
            FieldError.field(
                field, "at most " + MAX_AGENTS + " agents at a time, got " + ids.size()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The agent ids are invalid", errors);
    }
  }

  private static String shown(String id) {
    if (id == null) {
      return "null";
    }
    return id.length() > 70 ? id.substring(0, 67) + "..." : id;
  }
}
