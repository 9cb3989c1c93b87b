package dev.steward.qa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default QA scorecard of kpis.md and every validation rule, each naming its field. */
class QaScorecardTest {

  static QaCategory category(String key, int weight, int min, int max) {
    return new QaCategory(key, "Name of " + key, weight, min, max, false);
  }

  static List<FieldError> problems(List<QaCategory> categories, double passMark) {
    return QaScorecard.problems(new QaScorecard(categories, passMark));
  }

  @Test
  void theDefaultSetIsWhatKpisMdLists() {
    QaScorecard defaults = QaScorecard.defaults();

    assertThat(defaults.passMark()).isEqualTo(80.0);
    assertThat(defaults.categories())
        .containsExactly(
            new QaCategory("greeting", "Greeting", 10, 1, 5, false),
            new QaCategory("tone", "Tone", 20, 1, 5, false),
            new QaCategory("correctness", "Correctness", 30, 1, 5, true),
            new QaCategory("crossSell", "Cross-sell", 10, 1, 5, false),
            new QaCategory("salutation", "Salutation", 10, 1, 5, false),
            new QaCategory("policyCompliance", "Policy compliance", 20, 0, 1, true));
    assertThat(defaults.categories().stream().mapToInt(QaCategory::weight).sum()).isEqualTo(100);
    assertThat(QaScorecard.problems(defaults)).isEmpty();
    assertThat(defaults.category("correctness")).map(QaCategory::critical).contains(true);
    assertThat(defaults.category("empathy")).isEmpty();
  }

  @Test
  void weightsNeedNotAddUpToAHundred() {
    // audit score = Σ w·s / Σ w: the weights are relative
    assertThat(problems(List.of(category("tone", 3, 1, 5), category("greeting", 1, 0, 1)), 70))
        .isEmpty();
  }

  @Test
  void thePassMarkLiesBetweenZeroAndAHundred() {
    List<QaCategory> one = List.of(category("tone", 1, 1, 5));
    assertThat(problems(one, 0)).isEmpty();
    assertThat(problems(one, 100)).isEmpty();
    assertThat(problems(one, -0.01))
        .containsExactly(FieldError.field("passMark", "must be between 0 and 100"));
    assertThat(problems(one, 100.5))
        .containsExactly(FieldError.field("passMark", "must be between 0 and 100"));
    assertThat(problems(one, Double.NaN))
        .containsExactly(FieldError.field("passMark", "must be between 0 and 100"));
  }

  @Test
  void aScorecardHasAtLeastOneCategory() {
    assertThat(problems(List.of(), 80))
        .containsExactly(FieldError.field("categories", "must have at least one category"));
  }

  @Test
  void aKeyIsShortLettersDigitsAndDashesStartingLowerCase() {
    String rule = "must be 1-40 letters, digits or '-', starting with a lower-case letter";
    assertThat(
            problems(
                List.of(
                    category("crossSell", 1, 1, 5),
                    category("policy-2", 1, 1, 5),
                    category("Tone", 1, 1, 5),
                    category("2tone", 1, 1, 5),
                    category("to ne", 1, 1, 5),
                    category("", 1, 1, 5),
                    category(null, 1, 1, 5),
                    category("a" + "b".repeat(39), 1, 1, 5),
                    category("a" + "b".repeat(40), 1, 1, 5)),
                80))
        .containsExactly(
            FieldError.field("categories[2].key", rule),
            FieldError.field("categories[3].key", rule),
            FieldError.field("categories[4].key", rule),
            FieldError.field("categories[5].key", rule),
            FieldError.field("categories[6].key", rule),
            FieldError.field("categories[8].key", rule));
  }

  @Test
  void keysAreUnique() {
    assertThat(
            problems(
                List.of(
                    category("tone", 1, 1, 5),
                    category("greeting", 1, 1, 5),
                    category("tone", 2, 0, 1)),
                80))
        .containsExactly(
            FieldError.field("categories[2].key", "'tone' is used by another category"));
  }

  @Test
  void aNameHasOneToAHundredCharacters() {
    String rule = "must be 1-100 characters";
    assertThat(
            problems(
                List.of(
                    new QaCategory("a", null, 1, 1, 5, false),
                    new QaCategory("b", "  ", 1, 1, 5, false),
                    new QaCategory("c", "x".repeat(100), 1, 1, 5, false),
                    new QaCategory("d", "x".repeat(101), 1, 1, 5, false)),
                80))
        .containsExactly(
            FieldError.field("categories[0].name", rule),
            FieldError.field("categories[1].name", rule),
            FieldError.field("categories[3].name", rule));
  }

  @Test
  void aWeightIsPositive() {
    assertThat(problems(List.of(category("a", 1, 1, 5), category("b", 0, 1, 5)), 80))
        .containsExactly(FieldError.field("categories[1].weight", "must be greater than 0"));
    assertThat(problems(List.of(category("a", -5, 1, 5)), 80))
        .containsExactly(FieldError.field("categories[0].weight", "must be greater than 0"));
  }

  @Test
  void theScaleGoesUp() {
    assertThat(problems(List.of(category("a", 1, 0, 1), category("b", 1, 5, 5)), 80))
        .containsExactly(FieldError.field("categories[1].max", "must be greater than min (5)"));
    assertThat(problems(List.of(category("a", 1, 5, 1)), 80))
        .containsExactly(FieldError.field("categories[0].max", "must be greater than min (5)"));
  }

  @Test
  void ratingsLieBetweenZeroAndAHundredAndTheFieldAtFaultIsNamed() {
    assertThat(problems(List.of(category("a", 1, 0, 100)), 80)).isEmpty();
    assertThat(problems(List.of(category("a", 1, -1, 5)), 80))
        .containsExactly(FieldError.field("categories[0].min", "must be between 0 and 100"));
    assertThat(problems(List.of(category("a", 1, 1, 101)), 80))
        .containsExactly(FieldError.field("categories[0].max", "must be between 0 and 100"));
    assertThat(problems(List.of(category("a", 1, -1, 101)), 80))
        .containsExactly(
            FieldError.field("categories[0].min", "must be between 0 and 100"),
            FieldError.field("categories[0].max", "must be between 0 and 100"));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(
            problems(
                List.of(
                    category("tone", 1, 1, 5),
                    new QaCategory("Tone", "", 0, 3, 2, true),
                    category("tone", 1, 1, 5)),
                120))
        .containsExactly(
            FieldError.field("passMark", "must be between 0 and 100"),
            FieldError.field(
                "categories[1].key",
                "must be 1-40 letters, digits or '-', starting with a lower-case letter"),
            FieldError.field("categories[1].name", "must be 1-100 characters"),
            FieldError.field("categories[1].weight", "must be greater than 0"),
            FieldError.field("categories[1].max", "must be greater than min (3)"),
            FieldError.field("categories[2].key", "'tone' is used by another category"));
  }
}
