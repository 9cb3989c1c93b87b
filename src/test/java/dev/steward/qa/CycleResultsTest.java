package dev.steward.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cycle's results per agent and for the vendor, from hand-computed audits. */
class CycleResultsTest {

  static final List<CycleResults.Outcome> AUDITS =
      List.of(
          new CycleResults.Outcome("a-1", true, 90.0, true),
          new CycleResults.Outcome("a-1", true, 60.0, false),
          new CycleResults.Outcome("a-1", true, null, null), // all N/A: done but not scored
          new CycleResults.Outcome("a-2", true, 100.0, true),
          new CycleResults.Outcome("a-2", true, 80.0, true),
          new CycleResults.Outcome("a-3", false, null, null)); // still open

  @Test
  void theVendorsResults() {
    CycleResults.Summary vendor = CycleResults.summarize(AUDITS);

    assertThat(vendor.audits()).isEqualTo(6);
    assertThat(vendor.completed()).isEqualTo(5);
    assertThat(vendor.scored()).isEqualTo(4);
    assertThat(vendor.passed()).isEqualTo(3);
    // (90 + 60 + 100 + 80) / 4
    assertThat(vendor.qaScore()).isEqualTo(82.5);
    assertThat(vendor.passRate()).isEqualTo(0.75);
    assertThat(vendor.interval()).isEqualTo(WilsonInterval.of(3, 4));
    // Wilson 95 % for 3 of 4: centre (0.75 + 0.9604) / 1.9604 = 0.8725, half-width 0.4225
    assertThat(vendor.interval().lower()).isCloseTo(0.3006, within(1e-4));
    assertThat(vendor.interval().upper()).isCloseTo(0.9544, within(1e-4));
  }

  @Test
  void perAgentResultsInAgentOrder() {
    Map<String, CycleResults.Summary> agents = CycleResults.perAgent(AUDITS);

    assertThat(agents).containsOnlyKeys("a-1", "a-2", "a-3");
    assertThat(agents.keySet()).containsExactly("a-1", "a-2", "a-3");
    CycleResults.Summary first = agents.get("a-1");
    assertThat(first.qaScore()).isEqualTo(75.0);
    assertThat(first.scored()).isEqualTo(2);
    assertThat(first.passed()).isEqualTo(1);
    assertThat(first.below(80)).isTrue();
    assertThat(agents.get("a-2").qaScore()).isEqualTo(90.0);
    assertThat(agents.get("a-2").below(80)).isFalse();
    CycleResults.Summary open = agents.get("a-3");
    assertThat(open.qaScore()).isNull();
    assertThat(open.passRate()).isNull();
    assertThat(open.interval()).isNull();
    assertThat(open.below(80)).as("no score, no coaching").isFalse();
  }

  @Test
  void theWeakestCategoriesAreThoseBelowThePassMarkLowestFirst() {
    QaScorecard scorecard = QaScorecard.defaults();
    List<Map<String, Double>> audits =
        List.of(
            Map.of("greeting", 100.0, "tone", 50.0, "correctness", 25.0, "crossSell", 75.0),
            Map.of("greeting", 100.0, "tone", 75.0, "correctness", 75.0, "crossSell", 75.0));

    List<CycleResults.Focus> focus = CycleResults.weakest(audits, scorecard, 3);

    // means: greeting 100, tone 62.5, correctness 50, cross-sell 75
    assertThat(focus)
        .extracting(CycleResults.Focus::category)
        .containsExactly("correctness", "tone", "crossSell");
    assertThat(focus.get(0).meanScore()).isEqualTo(50.0);
    assertThat(CycleResults.weakest(audits, scorecard, 1)).hasSize(1);
  }

  @Test
  void withNothingBelowThePassMarkTheLowestCategoryIsTheFocus() {
    List<CycleResults.Focus> focus =
        CycleResults.weakest(
            List.of(Map.of("greeting", 100.0, "tone", 90.0)), QaScorecard.defaults(), 3);

    assertThat(focus).extracting(CycleResults.Focus::category).containsExactly("tone");
  }
}
