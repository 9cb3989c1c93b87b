package dev.steward.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Assertions on RFC 9457 problem details, the one error format of the API (api.md "Conventions").
 */
public final class Problems {

  /** Text that must never reach a client: stack frames, exception class names, SQL. */
  private static final List<String> LEAKS =
      List.of(
          "at dev.steward",
          "Exception",
          "at java.",
          "at org.",
          "org.hibernate",
          "org.springframework",
          "SQL",
          "select ");

  private Problems() {}

  /**
   * Asserts the response is a problem detail with the status, a title and a detail, and leaks
   * nothing internal.
   *
   * @return the parsed problem, for further assertions
   */
  public static JsonNode assertProblem(Api.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType())
        .as("Content-Type of " + response.body())
        .startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.path("status").asInt()).as(response.body()).isEqualTo(status);
    assertThat(problem.path("title").asText()).as(response.body()).isNotBlank();
    assertThat(problem.path("detail").asText()).as(response.body()).isNotBlank();
    assertNoLeak(response);
    return problem;
  }

  /** Asserts the body carries no stack trace, exception class name or SQL text. */
  public static void assertNoLeak(Api.Response response) {
    String body = response.body() == null ? "" : response.body();
    for (String leak : LEAKS) {
      assertThat(body).as("response body must not contain '%s'", leak).doesNotContain(leak);
    }
  }

  /** The fields named in the problem's {@code errors} member, in order. */
  public static List<String> errorFields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText(null)));
    return fields;
  }

  /** The messages of the errors on one field. */
  public static List<String> errorMessages(JsonNode problem, String field) {
    List<String> messages = new ArrayList<>();
    problem
        .path("errors")
        .forEach(
            e -> {
              if (field.equals(e.path("field").asText(null))) {
                messages.add(e.path("message").asText());
              }
            });
    return messages;
  }
}
