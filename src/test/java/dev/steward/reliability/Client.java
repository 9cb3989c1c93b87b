package dev.steward.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real HTTP to one node. Unlike {@link Api}, a request that gets no answer (the node died, the
 * request timed out) is a reply with status {@code -1}: its outcome is unknown to the client.
 */
final class Client {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The pool's connection timeout is 5 s; an answer must come well before this. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final String base;
  private final Duration timeout;

  Client(StewardNode node) {
    this(node, REQUEST_TIMEOUT);
  }

  /**
   * @param timeout how long a request may go unanswered before it counts as hanging (status -1)
   */
  Client(StewardNode node, Duration timeout) {
    this.base = "http://127.0.0.1:" + node.port();
    this.timeout = timeout;
  }

  record Reply(int status, String body, String contentType) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean answered() {
      return status > 0;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  Reply get(String user, String path) {
    return send(user, "GET", path, null, Map.of());
  }

  Reply post(String user, String path, Object body) {
    return send(user, "POST", path, body, Map.of());
  }

  Reply post(String user, String path, Object body, Map<String, String> headers) {
    return send(user, "POST", path, body, headers);
  }

  Reply put(String user, String path, Object body) {
    return send(user, "PUT", path, body, Map.of());
  }

  Reply send(String user, String method, String path, Object body, Map<String, String> headers) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(timeout)
              .header("Accept", "application/json, application/problem+json");
      if (user != null) {
        request.header(
            "Authorization",
            Api.basic(
                user,
                TestProperties.ADMIN.equals(user)
                    ? TestProperties.ADMIN_PASSWORD_VALUE
                    : TestProperties.PASSWORD));
      }
      headers.forEach(request::header);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(
                method,
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(body), StandardCharsets.UTF_8));
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      return new Reply(-1, e.toString(), "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- the world the scenarios use
  // ---------------------------------------------------------------------------------

  /**
   * A relationship manager who is also on call (so they triage escalations filed at any hour), a
   * vendor they manage and an executive. Returns {rm, vendorId, executive}.
   */
  String[] world(String suffix) {
    String rm = ("rm-" + suffix).toLowerCase();
    Reply user =
        post(
            TestProperties.ADMIN,
            "/api/users",
            Map.of(
                "username",
                rm,
                "password",
                TestProperties.PASSWORD,
                "displayName",
                "RM " + suffix,
                "role",
                "RELATIONSHIP_MANAGER",
                "onCall",
                true));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    String executive = ("exec-" + suffix).toLowerCase();
    Reply exec =
        post(
            TestProperties.ADMIN,
            "/api/users",
            Map.of(
                "username",
                executive,
                "password",
                TestProperties.PASSWORD,
                "displayName",
                "Exec " + suffix,
                "role",
                "EXECUTIVE"));
    assertThat(exec.status()).as(exec.body()).isEqualTo(201);
    Map<String, Object> vendor = new LinkedHashMap<>(TestWorld.vendorBody("REL-" + suffix));
    vendor.put("relationshipManager", rm);
    Reply created = post(TestProperties.ADMIN, "/api/vendors", vendor);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return new String[] {rm, created.json().path("id").asText(), executive};
  }

  /** Files a P1 escalation; with a key, the Idempotency-Key header. */
  Reply file(String user, String vendorId, String key) {
    return post(
        user,
        "/api/escalations",
        TestWorld.escalationBody(vendorId, "P1"),
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  String fileOk(String user, String vendorId, String key) {
    Reply reply = file(user, vendorId, key);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().path("id").asText();
  }

  /** The id of the user's open task of the escalation with the task key, or null. */
  String taskId(String user, String escalationId, String taskKeyPrefix) {
    Reply tasks = get(user, "/api/tasks");
    if (tasks.status() != 200) {
      return null;
    }
    for (JsonNode t : tasks.json()) {
      if (escalationId.equals(t.path("businessKey").asText())
          && t.path("taskKey").asText().startsWith(taskKeyPrefix)) {
        return t.path("id").asText();
      }
    }
    return null;
  }

  /** Completes the triage task (Task_TriageEscalation or Task_TriageOnCall) with a response. */
  Reply triage(String user, String taskId) {
    return post(
        user, "/api/tasks/" + taskId + "/complete", Map.of("response", "On it: rollback planned"));
  }
}
