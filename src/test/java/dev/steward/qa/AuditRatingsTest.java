package dev.steward.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit form's ratings list: prefilled from the scorecard, checked field by field. */
class AuditRatingsTest {

  static final QaScorecard DEFAULTS = QaScorecard.defaults();

  @Test
  void thePrefillListsEveryCategoryWithItsScale() {
    List<Map<String, Object>> items = AuditRatings.prefill(DEFAULTS, Map.of());

    assertThat(items).hasSize(6);
    assertThat(items.get(2))
        .containsEntry("category", "correctness")
        .containsEntry("name", "Correctness (1-5, critical)")
        .containsEntry("rating", null)
        .containsEntry("notApplicable", false);
    assertThat(items.get(5)).containsEntry("name", "Policy compliance (0-1, critical)");
  }

  @Test
  void thePrefillCarriesEarlierRatingsAndNotApplicable() {
    Map<String, Integer> earlier = new HashMap<>();
    earlier.put("tone", 4);
    earlier.put("crossSell", null);

    List<Map<String, Object>> items = AuditRatings.prefill(DEFAULTS, earlier);

    assertThat(items.get(1)).containsEntry("rating", 4).containsEntry("notApplicable", false);
    assertThat(items.get(3)).containsEntry("rating", null).containsEntry("notApplicable", true);
    assertThat(items.get(0)).containsEntry("notApplicable", false);
  }

  @Test
  void aCompleteListParsesToRatingsWithNotApplicableAsNull() {
    List<Map<String, Object>> items = filled(5);
    items.get(3).put("rating", null);
    items.get(3).put("notApplicable", true);
    items.get(5).put("rating", 1L); // the task API stores whole numbers as longs

    Map<String, Integer> ratings = AuditRatings.parse(items, DEFAULTS);

    assertThat(ratings)
        .hasSize(6)
        .containsEntry("greeting", 5)
        .containsEntry("crossSell", null)
        .containsEntry("policyCompliance", 1);
  }

  @Test
  void everyBadFieldIsNamed() {
    List<Map<String, Object>> items = filled(3);
    items.get(0).put("rating", 7); // off the 1-5 scale
    items.get(1).put("rating", 3.5); // not whole
    items.get(2).put("rating", null); // neither rated nor N/A
    items.get(3).put("notApplicable", true); // rated and N/A
    items.get(4).put("category", "humour"); // unknown, so salutation is missing
    items.get(5).put("rating", 2); // policy compliance is 0-1

    assertThatThrownBy(() -> AuditRatings.parse(items, DEFAULTS))
        .isInstanceOfSatisfying(
            InvalidDataException.class,
            e -> {
              assertThat(e.errors())
                  .extracting(FieldError::field)
                  .containsExactly(
                      "ratings[0].rating",
                      "ratings[1].rating",
                      "ratings[2].rating",
                      "ratings[3].rating",
                      "ratings[4].category",
                      "ratings[5].rating",
                      "ratings");
              assertThat(e.errors().get(0).message())
                  .isEqualTo("must be a whole number from 1 to 5 (Greeting)");
              assertThat(e.errors().get(4).message()).contains("'humour' is not a category");
              assertThat(e.errors().get(6).message()).contains("'salutation'", "missing");
            });
  }

  @Test
  void aCategoryRatedTwiceOrAListThatIsNotAListIsRefused() {
    List<Map<String, Object>> items = filled(4);
    items.add(new HashMap<>(items.get(0)));

    assertThatThrownBy(() -> AuditRatings.parse(items, DEFAULTS))
        .isInstanceOfSatisfying(
            InvalidDataException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("ratings[6].category"));
    assertThatThrownBy(() -> AuditRatings.parse("5,5,5", DEFAULTS))
        .isInstanceOfSatisfying(
            InvalidDataException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("ratings"));
  }

  /** The prefilled list with every 1-5 category rated {@code rating} and policy compliance 1. */
  static List<Map<String, Object>> filled(int rating) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> item : AuditRatings.prefill(DEFAULTS, Map.of())) {
      Map<String, Object> copy = new HashMap<>(item);
      copy.put("rating", "policyCompliance".equals(item.get("category")) ? 1 : rating);
      items.add(copy);
    }
    return items;
  }
}
