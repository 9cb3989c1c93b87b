package dev.steward.reliability;

import static dev.steward.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.identity.UserAccounts;
import dev.steward.support.Api;
import dev.steward.support.PostgresIntegrationTest;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A removed user loses access at once (operations.md): the API signs in on every request, and a
 * browser session signed in with the login form ends on its first request after the account lost
 * its roles, was deleted or had its roles changed. Also the login page's headers and cookie flags.
 */
@PostgresIntegrationTest
@Tag("reliability")
class RevokedAccessIT {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Map<String, String> JSON = Map.of("Accept", "application/json");

  @LocalServerPort int port;
  @Autowired UserAccounts userAccounts;
  @Autowired IdentityService identityService;

  Api api;
  TestWorld world;

  @BeforeEach
  void client() {
    api = new Api(port);
    world = new TestWorld(api);
  }

  @Test
  void aSignedInBrowserSessionOfARevokedUserIsRefusedOnItsNextRequest() {
    String rm = world.user("rev-rm", "RELATIONSHIP_MANAGER", null);
    String session = signInWithForm(rm);
    assertThat(page(session, "/").header("Location")).endsWith("/dashboard");
    assertThat(webapp(session).status()).isEqualTo(200);
    assertThat(api.get(rm, "/api/me").status()).isEqualTo(200);

    assertThat(userAccounts.revokeAccess(rm, "admin", "left the company")).isTrue();

    // the very next request of the session: back to the login form, the webapps refuse it
    Api.Response after = page(session, "/");
    assertThat(after.status()).isEqualTo(302);
    assertThat(after.header("Location")).endsWith("/login");
    assertProblem(webapp(session), 401);
    assertProblem(api.get(rm, "/api/me"), 401);
    // and the password signs nobody in any more
    Api.Response login = formLogin(rm);
    assertThat(login.header("Location")).contains("error");
  }

  @Test
  void aBpoLeadsSessionEndsWhenTheirVendorIsOffboarded() {
    String vendor = world.vendor("REV-V", null);
    String lead = world.user("rev-lead", "BPO_LEAD", vendor);
    String session = signInWithForm(lead);
    assertThat(page(session, "/").header("Location")).endsWith("/portal");

    userAccounts.revokeAccess(lead, "system", "vendor offboarded");

    assertThat(page(session, "/").header("Location")).endsWith("/login");
    assertProblem(api.get(lead, "/api/me"), 401);
  }

  @Test
  void aDeletedUsersSessionEndsAndAChangedRoleNeedsANewSignIn() {
    String deleted = world.user("rev-del", "QA_ANALYST", null);
    String deletedSession = signInWithForm(deleted);
    assertThat(webapp(deletedSession).status()).isEqualTo(200);
    identityService.deleteUser(deleted);
    assertProblem(webapp(deletedSession), 401);

    // an RM demoted to QA analyst: the session with the old roles ends; a new sign-in has the new
    String demoted = world.user("rev-demo", "RELATIONSHIP_MANAGER", null);
    String session = signInWithForm(demoted);
    assertThat(page(session, "/").header("Location")).endsWith("/dashboard");
    identityService.deleteMembership(demoted, "relationship-managers");
    identityService.createMembership(demoted, "qa-analysts");
    assertThat(page(session, "/").header("Location")).endsWith("/login");
    String again = signInWithForm(demoted);
    assertThat(page(again, "/").header("Location")).contains("/camunda/app/tasklist");
  }

  @Test
  void aChangeOfTaskRoutingGroupsOnlyKeepsTheSession() {
    // joining an on-call rota changes which tasks the user is offered, not their access
    String rm = world.user("rev-rota", "RELATIONSHIP_MANAGER", null);
    String session = signInWithForm(rm);
    assertThat(page(session, "/").header("Location")).endsWith("/dashboard");
    if (identityService.createGroupQuery().groupId("rev-rota-group").count() == 0) {
      identityService.saveGroup(identityService.newGroup("rev-rota-group"));
    }
    identityService.createMembership(rm, "rev-rota-group");

    assertThat(page(session, "/").header("Location")).endsWith("/dashboard");
    assertThat(page(session, "/dashboard").status()).isEqualTo(200);
    identityService.deleteMembership(rm, "rev-rota-group");
    assertThat(page(session, "/dashboard").status()).isEqualTo(200);
  }

  @Test
  void theLoginPageCarriesTheSecurityHeadersAndAHardenedCookie() throws IOException {
    Api.Response page = api.send(null, "GET", "/login", null, null, Map.of("Accept", "text/html"));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy"))
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'")
        .contains("object-src 'none'")
        .contains("form-action 'self'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(page.header("Cache-Control")).contains("no-store");
    String cookie = setCookie(page, "JSESSIONID");
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
    // the tests run over plain HTTP (cookies without Secure); the shipped default is Secure
    try (InputStream yaml = getClass().getResourceAsStream("/application.yaml")) {
      String config = new String(yaml.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(config).contains("secure: ${STEWARD_SECURE_COOKIES:true}");
    }
  }

  // --- helpers

  private Api.Response page(String session, String path) {
    return api.send(
        null,
        "GET",
        path,
        null,
        null,
        Map.of("Cookie", "JSESSIONID=" + session, "Accept", "text/html"));
  }

  private Api.Response webapp(String session) {
    return api.send(
        null,
        "GET",
        "/camunda/api/engine/engine/",
        null,
        null,
        Map.of("Cookie", "JSESSIONID=" + session, "Accept", "application/json"));
  }

  private Api.Response formLogin(String user) {
    Api.Response page = api.send(null, "GET", "/login", null, null, Map.of("Accept", "text/html"));
    assertThat(page.status()).isEqualTo(200);
    String csrf = page.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
    return api.send(
        null,
        "POST",
        "/login",
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(TestProperties.PASSWORD, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf, StandardCharsets.UTF_8),
        FORM,
        Map.of("Cookie", "JSESSIONID=" + cookie(page, "JSESSIONID")));
  }

  private String signInWithForm(String user) {
    Api.Response signedIn = formLogin(user);
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location")).doesNotContain("error");
    String session = cookie(signedIn, "JSESSIONID");
    assertThat(session).isNotBlank();
    return session;
  }

  private static String setCookie(Api.Response response, String name) {
    return response.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElse(null);
  }

  private static String cookie(Api.Response response, String name) {
    String header = setCookie(response, name);
    if (header == null) {
      return null;
    }
    int end = header.indexOf(';');
    return header.substring(name.length() + 1, end < 0 ? header.length() : end);
  }
}
