package dev.steward.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Escalations and tasks over the public API, for the integration tests: files escalations, reads
 * them, finds a caller's tasks and completes them. Every helper that promises a result asserts the
 * status it expects.
 */
public final class Workflow {

  private final Api api;

  public Workflow(Api api) {
    this.api = api;
  }

  public Api api() {
    return api;
  }

  public Api.Response file(String user, String vendorId, String severity) {
    return api.post(user, "/api/escalations", TestWorld.escalationBody(vendorId, severity));
  }

  /** Files an escalation and returns the 201 answer. */
  public JsonNode fileOk(String user, String vendorId, String severity) {
    Api.Response response = file(user, vendorId, severity);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  /** {@code GET /api/escalations/{id}}, expecting 200. */
  public JsonNode escalation(String user, String id) {
    Api.Response response = api.get(user, "/api/escalations/" + id);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  /** {@code GET /api/tasks}, expecting 200. */
  public List<JsonNode> tasks(String user) {
    Api.Response response = api.get(user, "/api/tasks");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> tasks = new ArrayList<>();
    response.json().forEach(tasks::add);
    return tasks;
  }

  /** The caller's open tasks of one escalation (business key = escalation id). */
  public List<JsonNode> tasksOf(String user, String escalationId) {
    return tasks(user).stream()
        .filter(t -> escalationId.equals(t.path("businessKey").asText()))
        .toList();
  }

  /** The caller's open task of the escalation with that task key, if they have one. */
  public Optional<JsonNode> task(String user, String escalationId, String taskKey) {
    return tasksOf(user, escalationId).stream()
        .filter(t -> taskKey.equals(t.path("taskKey").asText()))
        .findFirst();
  }

  /** The caller's open task of the escalation with that task key; fails if they do not have it. */
  public JsonNode requireTask(String user, String escalationId, String taskKey) {
    return task(user, escalationId, taskKey)
        .orElseThrow(
            () ->
                new AssertionError(
                    user
                        + " has no "
                        + taskKey
                        + " for escalation "
                        + escalationId
                        + "; tasks: "
                        + tasksOf(user, escalationId)));
  }

  public Api.Response complete(String user, String taskId, Map<String, ?> fields) {
    return api.post(user, "/api/tasks/" + taskId + "/complete", fields);
  }

  /** Completes the task and expects 204. */
  public void completeOk(String user, String taskId, Map<String, ?> fields) {
    Api.Response response = complete(user, taskId, fields);
    assertThat(response.status())
        .as("%s completes %s: %s", user, taskId, response.body())
        .isEqualTo(204);
  }

  /** The fields named by the errors of a problem detail, in order. */
  public static List<String> errorFields(Api.Response problem) {
    List<String> fields = new ArrayList<>();
    problem.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }
}
