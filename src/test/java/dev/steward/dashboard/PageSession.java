package dev.steward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A browser session over plain HTTP: the login form with its CSRF token, then pages as HTML. */
final class PageSession {

  private PageSession() {}

  /** Signs in through the login form with its CSRF token; returns the new session id. */
  static String signIn(Api api, String user) {
    Api.Response page = api.send(null, "GET", "/login", null, null, Map.of("Accept", "text/html"));
    String csrf = page.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
    Api.Response signedIn =
        api.send(
            null,
            "POST",
            "/login",
            "username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password="
                + URLEncoder.encode(TestProperties.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8),
            "application/x-www-form-urlencoded",
            Map.of("Cookie", "JSESSIONID=" + cookie(page)));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location")).doesNotContain("error");
    return cookie(signedIn);
  }

  static Api.Response page(Api api, String session, String path) {
    return api.send(
        null,
        "GET",
        path,
        null,
        null,
        Map.of("Cookie", "JSESSIONID=" + session, "Accept", "text/html"));
  }

  private static String cookie(Api.Response response) {
    return response.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
        .findFirst()
        .orElseThrow();
  }
}
