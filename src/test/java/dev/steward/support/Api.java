package dev.steward.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A small real-HTTP client for the tests: every call goes over the wire to the running application.
 */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A response with its body parsed as JSON where it is JSON. */
  public record Response(int status, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  public Response get(String user, String path) {
    return send(user, "GET", path, null, null, Map.of());
  }

  public Response post(String user, String path, Object body) {
    return send(user, "POST", path, body, "application/json", Map.of());
  }

  public Response post(String user, String path, Object body, Map<String, String> headers) {
    return send(user, "POST", path, body, "application/json", headers);
  }

  public Response postRaw(String user, String path, String rawBody, String contentType) {
    return send(user, "POST", path, rawBody, contentType, Map.of());
  }

  public Response put(String user, String path, Object body) {
    return send(user, "PUT", path, body, "application/json", Map.of());
  }

  public Response delete(String user, String path) {
    return send(user, "DELETE", path, null, null, Map.of());
  }

  /**
   * @param user {@code null} sends no credentials; otherwise HTTP Basic with the test password
   *     ({@link TestProperties#PASSWORD}, or the admin's for {@link TestProperties#ADMIN})
   * @param body a String is sent as is, anything else as JSON
   */
  public Response send(
      String user,
      String method,
      String path,
      Object body,
      String contentType,
      Map<String, String> headers) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
      if (user != null) {
        String password =
            TestProperties.ADMIN.equals(user)
                ? TestProperties.ADMIN_PASSWORD_VALUE
                : TestProperties.PASSWORD;
        request.header("Authorization", basic(user, password));
      }
      headers.forEach(request::header);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        request
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A browser session: its cookie header and a CSRF token valid for it. */
  public record Session(String cookie, String csrf) {
    public Map<String, String> headers() {
      return Map.of("Cookie", cookie, "Accept", "text/html");
    }
  }

  /**
   * Signs in through the login form, as a browser does, with the user's test password (see {@link
   * #send}); the session's CSRF token is read from the login page afterwards.
   */
  public Session signIn(String user) {
    String password =
        TestProperties.ADMIN.equals(user)
            ? TestProperties.ADMIN_PASSWORD_VALUE
            : TestProperties.PASSWORD;
    Response page = send(null, "GET", "/login", null, null, Map.of("Accept", "text/html"));
    String cookie = "JSESSIONID=" + cookie(page, "JSESSIONID");
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf(page.body()), StandardCharsets.UTF_8);
    Response signedIn =
        send(
            null,
            "POST",
            "/login",
            form,
            "application/x-www-form-urlencoded",
            Map.of("Cookie", cookie));
    if (signedIn.status() != 302 || signedIn.header("Location").contains("error")) {
      throw new IllegalStateException(user + " could not sign in: " + signedIn.status());
    }
    String session = "JSESSIONID=" + cookie(signedIn, "JSESSIONID");
    Response again = send(null, "GET", "/login", null, null, Map.of("Cookie", session));
    return new Session(session, csrf(again.body()));
  }

  private static String csrf(String html) {
    return html.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
  }

  private static String cookie(Response response, String name) {
    return response.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + name + " cookie"));
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
