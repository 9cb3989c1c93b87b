package dev.steward.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.Test;

/** A dynamic list in a Camunda Form: read as one list field, checked item by item. */
class CamundaFormsTest {

  static final String FORM =
      """
      {"components": [
        {"type": "dynamiclist", "path": "ratings", "label": "Ratings", "components": [
          {"type": "textfield", "key": "category", "label": "Category", "validate": {"required": true}},
          {"type": "number", "key": "rating", "label": "Rating", "validate": {"min": 1, "max": 5}},
          {"type": "checkbox", "key": "notApplicable", "label": "N/A"}
        ]},
        {"type": "textarea", "key": "comment", "label": "Comment"}
      ]}
      """;

  final CamundaForms forms = new CamundaForms(new ObjectMapper());

  List<FormField> fields() {
    return forms.fields(new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aDynamicListIsOneFieldWithItemFields() {
    List<FormField> fields = fields();
    assertThat(fields).extracting(FormField::key).containsExactly("ratings", "comment");
    assertThat(fields.get(0).type()).isEqualTo("dynamiclist");
    assertThat(fields.get(0).itemFields())
        .extracting(FormField::key)
        .containsExactly("category", "rating", "notApplicable");
  }

  @Test
  void validItemsBecomeAJsonListVariable() {
    Map<String, Object> variables =
        forms.validate(
            fields(),
            Map.of(
                "ratings",
                List.of(
                    Map.of("category", "tone", "rating", 4),
                    Map.of("category", "greeting", "notApplicable", true))));
    ObjectValue ratings = (ObjectValue) variables.get("ratings");
    assertThat(ratings.getSerializationDataFormat()).isEqualTo("application/json");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) ratings.getValue();
    assertThat(items.get(0)).containsEntry("category", "tone").containsEntry("rating", 4L);
    assertThat(items.get(1)).containsEntry("notApplicable", true).containsEntry("rating", null);
    assertThat(variables).containsEntry("comment", null);
  }

  @Test
  void everyBadItemIsReportedByItsPosition() {
    assertThatThrownBy(
            () ->
                forms.validate(
                    fields(),
                    Map.of(
                        "ratings",
                        List.of(
                            Map.of("category", "tone", "rating", 9),
                            Map.of("rating", 3, "colour", "red"),
                            "x"))))
        .isInstanceOfSatisfying(
            InvalidDataException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "ratings[0].rating",
                        "ratings[1].colour",
                        "ratings[1].category",
                        "ratings[2]"));
  }
}
