package dev.steward.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agent ids typed into a form, against the interaction data's alphabet. */
class AgentIdsTest {

  @Test
  void idsMayBeSeparatedByCommasSemicolonsSpacesAndNewLines() {
    assertThat(AgentIds.parse("agentIds", " mx-01,mx-02;\nmx.03  team:a_4\r\n"))
        .containsExactly("mx-01", "mx-02", "mx.03", "team:a_4");
  }

  @Test
  void theAlphabetIsTheInteractionDatas() {
    assertThat(AgentIds.isValid("A-z.0_9:x")).isTrue();
    assertThat(AgentIds.isValid("x".repeat(64))).isTrue();
    assertThat(AgentIds.isValid("x".repeat(65))).isFalse();
    assertThat(AgentIds.isValid("agent#1")).isFalse();
    assertThat(AgentIds.isValid("agénte")).isFalse();
    assertThat(AgentIds.isValid("")).isFalse();
    assertThat(AgentIds.isValid(null)).isFalse();
  }

  @Test
  void everyProblemIsReportedOnTheField() {
    assertThatThrownBy(() -> AgentIds.parse("agentIds", "ok-1, bad/1, ok-1, ok-2, ok-2"))
        .isInstanceOf(InvalidDataException.class)
        .satisfies(
            e ->
                assertThat(((InvalidDataException) e).errors())
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "agentIds",
                            "'bad/1' is not an agent id: 1-64 characters of letters, digits, '.',"
                                + " '_', ':' or '-'"),
                        org.assertj.core.groups.Tuple.tuple("agentIds", "'ok-1' is listed twice"),
                        org.assertj.core.groups.Tuple.tuple("agentIds", "'ok-2' is listed twice")));
  }

  @Test
  void noIdsOrTooManyAreRefused() {
    assertThatThrownBy(() -> AgentIds.parse("agentIds", "  \n ,"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("The agent ids are invalid");
    assertThatThrownBy(() -> AgentIds.parse("agentIds", null))
        .isInstanceOf(InvalidDataException.class);
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i <= AgentIds.MAX_AGENTS; i++) {
      many.add("a-" + i);
    }
    assertThatThrownBy(() -> AgentIds.check("agents", many))
        .satisfies(
            e ->
                assertThat(((InvalidDataException) e).errors().get(0).message())
                    .isEqualTo("at most 500 agents at a time, got 501"));
    assertThatThrownBy(() -> AgentIds.check("agents", Collections.emptyList()))
        .isInstanceOf(InvalidDataException.class);
  }
}
