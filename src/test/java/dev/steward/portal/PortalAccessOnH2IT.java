package dev.steward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Api;
import dev.steward.support.H2IntegrationTest;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal's doors over real HTTP with session cookies (no browser): only BPO leads get in, a
 * signed-out browser is sent to the login page, a form post without the CSRF token changes nothing,
 * the form refuses a field with the API's own message, and a double submit files one escalation.
 */
@H2IntegrationTest
class PortalAccessOnH2IT {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Map<String, String> HTML = Map.of("Accept", "text/html");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  Api api;
  TestWorld world;
  String vendorId;
  String lead;

  @BeforeEach
  void world() {
    api = new Api(port);
    world = new TestWorld(api);
    String rm = world.user("portal-rm", "RELATIONSHIP_MANAGER", null);
    vendorId = world.vendor("PORTAL", rm);
    lead = world.user("portal-lead", "BPO_LEAD", vendorId);
  }

  @Test
  void aSignedOutBrowserIsSentToTheLoginPage() {
    Api.Response page = api.send(null, "GET", "/portal", null, null, HTML);

    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).endsWith("/login");
  }

  @Test
  void relationshipManagersAndExecutivesGetTheForbiddenPage() {
    for (String role : new String[] {"RELATIONSHIP_MANAGER", "EXECUTIVE"}) {
      String user = world.user("portal-" + role.substring(0, 4).toLowerCase(), role, null);
      String session = signIn(user);

      Api.Response page = get(session, "/portal");
      assertThat(page.status()).as(role).isEqualTo(403);
      assertThat(page.body()).as(role).contains("Not allowed");
      assertThat(get(session, "/portal/escalations/new").status()).as(role).isEqualTo(403);
    }
  }

  @Test
  void theLeadSeesTheirPortalEvenWithoutAnyDataYet() {
    String session = signIn(lead);

    for (String path :
        new String[] {
          "/portal", "/portal/escalations", "/portal/tasks", "/portal/qa", "/portal/bulletins"
        }) {
      Api.Response page = get(session, path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).contains("Vendor " + world.unique("PORTAL"));
    }
    // the fragment htmx refreshes the SLA clocks with: the table alone
    Api.Response table = get(session, "/portal/escalations/table");
    assertThat(table.status()).isEqualTo(200);
    assertThat(table.body()).contains("id=\"escalation-table\"").doesNotContain("<html");
    assertThat(get(session, "/portal/escalations/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(get(session, "/portal/tasks/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndFilesNothing() {
    String session = signIn(lead);
    String title = world.unique("No token");

    Api.Response refused =
        api.send(
            null,
            "POST",
            "/portal/escalations",
            escalationForm(title, "Refunds do not reach customers.", UUID.randomUUID().toString()),
            FORM,
            Map.of("Cookie", "JSESSIONID=" + session, "Accept", "text/html"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(escalationsTitled(title)).isZero();
  }

  @Test
  void aBadFieldGetsTheApisMessageAndADoubleSubmitFilesOneEscalation() {
    String session = signIn(lead);
    String title = world.unique("Refunds stuck");
    String key = UUID.randomUUID().toString();

    Api.Response invalid = post(session, escalationForm(title, "", key));
    assertThat(invalid.status()).isEqualTo(422);
    Map<String, Object> apiBody = TestWorld.escalationBody(vendorId, "P2");
    apiBody.put("description", "");
    Api.Response api422 = api.post(lead, "/api/escalations", apiBody);
    assertThat(api422.status()).isEqualTo(422);
    String apiMessage = api422.json().get("errors").get(0).get("message").asText();
    assertThat(api422.json().get("errors").get(0).get("field").asText()).isEqualTo("description");
    assertThat(invalid.body())
        .contains("id=\"description-error\"")
        .contains(apiMessage)
        .contains("aria-describedby=\"description-error\"")
        .contains("value=\"" + title + "\"");
    assertThat(escalationsTitled(title)).isZero();

    Api.Response first = post(session, escalationForm(title, "Refunds do not arrive.", key));
    Api.Response second = post(session, escalationForm(title, "Refunds do not arrive.", key));

    assertThat(first.status()).isEqualTo(302);
    assertThat(first.header("Location")).contains("/portal/escalations/");
    assertThat(second.header("Location")).isEqualTo(first.header("Location"));
    assertThat(escalationsTitled(title)).isEqualTo(1);
  }

  private int escalationsTitled(String title) {
    return jdbc.queryForObject(
        "select count(*) from escalation where vendor_id = ? and title = ?",
        Integer.class,
        vendorId,
        title);
  }

  private Api.Response post(String session, String form) {
    Api.Response page = get(session, "/portal/escalations/new");
    assertThat(page.status()).isEqualTo(200);
    return api.send(
        null,
        "POST",
        "/portal/escalations",
        form + "&_csrf=" + encode(csrf(page)),
        FORM,
        Map.of("Cookie", "JSESSIONID=" + session, "Accept", "text/html"));
  }

  private static String escalationForm(String title, String description, String key) {
    return "severity=P2&category=BILLING&title="
        + encode(title)
        + "&description="
        + encode(description)
        + "&customerImpact="
        + encode("40 customers waiting")
        + "&idempotencyKey="
        + encode(key);
  }

  private Api.Response get(String session, String path) {
    return api.send(
        null,
        "GET",
        path,
        null,
        null,
        Map.of("Cookie", "JSESSIONID=" + session, "Accept", "text/html"));
  }

  private String signIn(String user) {
    Api.Response page = api.send(null, "GET", "/login", null, null, HTML);
    Api.Response signedIn =
        api.send(
            null,
            "POST",
            "/login",
            "username="
                + encode(user)
                + "&password="
                + encode(TestProperties.PASSWORD)
                + "&_csrf="
                + encode(csrf(page)),
            FORM,
            Map.of("Cookie", "JSESSIONID=" + cookie(page, "JSESSIONID")));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location")).doesNotContain("error");
    return cookie(signedIn, "JSESSIONID");
  }

  private static String csrf(Api.Response page) {
    return page.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
  }

  private static String cookie(Api.Response response, String name) {
    return response.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElse(null);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
