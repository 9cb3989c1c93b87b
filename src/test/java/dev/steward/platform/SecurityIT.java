package dev.steward.platform;

import static dev.steward.support.Problems.assertNoLeak;
import static dev.steward.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * security.md and api.md over real HTTP: the role matrix of every implemented endpoint, deny by
 * default, the engine REST API and webapps for internal users only, security headers, error hygiene
 * and login throttling. Run on H2 and on PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecurityIT {

  static final String ADMIN = "ADMIN";
  static final String RM = "RELATIONSHIP_MANAGER";
  static final String QA = "QA_ANALYST";
  static final String EXECUTIVE = "EXECUTIVE";
  static final String LEAD = "BPO_LEAD";
  static final List<String> ROLES = List.of(ADMIN, RM, QA, EXECUTIVE, LEAD);
  static final Set<String> EVERYONE = Set.copyOf(ROLES);

  /** One row of the role matrix: an endpoint and the roles api.md allows on it. */
  record Rule(String method, String path, Set<String> allowed) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /**
   * Every endpoint implemented so far, with who may call it (api.md "Endpoints the contract
   * fixes").
   */
  static final List<Rule> RULES =
      List.of(
          new Rule("POST", "/api/users", Set.of(ADMIN)),
          new Rule("GET", "/api/me", EVERYONE),
          new Rule("POST", "/api/vendors", Set.of(RM, ADMIN)),
          new Rule("GET", "/api/vendors", EVERYONE),
          new Rule("GET", "/api/vendors/{vendor}", EVERYONE),
          new Rule("POST", "/api/escalations", Set.of(LEAD, RM)),
          new Rule("GET", "/api/escalations", EVERYONE),
          new Rule("GET", "/api/escalations/{escalation}", EVERYONE),
          new Rule("GET", "/api/tasks", EVERYONE),
          new Rule("GET", "/api/tasks/{task}", EVERYONE),
          new Rule("POST", "/api/tasks/{task}/complete", EVERYONE));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  Api api;
  TestWorld world;
  final Map<String, String> users = new LinkedHashMap<>();
  String vendorA;
  String escalationA;

  @BeforeAll
  void world() {
    api = new Api(port);
    world = new TestWorld(api);
    users.put(RM, world.user("sec-rm", RM, null));
    vendorA = world.vendor("SEC-A", users.get(RM));
    users.put(ADMIN, world.user("sec-admin", ADMIN, null));
    users.put(QA, world.user("sec-qa", QA, null));
    users.put(EXECUTIVE, world.user("sec-exec", EXECUTIVE, null));
    users.put(LEAD, world.user("sec-lead", LEAD, vendorA));
    Api.Response filed =
        api.post(users.get(RM), "/api/escalations", TestWorld.escalationBody(vendorA, "P3"));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    escalationA = filed.json().get("id").asText();
  }

  // --- the role matrix
  // ---------------------------------------------------------------------------------------

  Stream<Arguments> roleMatrix() {
    return ROLES.stream().flatMap(role -> RULES.stream().map(rule -> Arguments.of(role, rule)));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("roleMatrix")
  void eachRoleReachesExactlyTheEndpointsItIsAllowed(String role, Rule rule) {
    Api.Response response = call(users.get(role), rule, role);
    if (rule.allowed().contains(role)) {
      assertThat(response.status())
          .as("%s may call %s, got: %s", role, rule, response.body())
          .isNotIn(401, 403)
          .isLessThan(500);
    } else {
      assertProblem(response, 403);
    }
  }

  Stream<Rule> rules() {
    return RULES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void withoutCredentialsEveryEndpointAnswers401WithAProblemAndAChallenge(Rule rule) {
    Api.Response response = call(null, rule, ADMIN);
    assertProblem(response, 401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIs401() {
    String user = world.user("sec-wrong", QA, null);
    Api.Response wrong =
        api.send(
            null,
            "GET",
            "/api/me",
            null,
            null,
            Map.of("Authorization", Api.basic(user, "Not-the-password-1!")));
    assertProblem(wrong, 401);
    assertThat(wrong.header("WWW-Authenticate")).startsWith("Basic");

    Api.Response unknown =
        api.send(
            null,
            "GET",
            "/api/me",
            null,
            null,
            Map.of(
                "Authorization",
                Api.basic("nobody-" + UUID.randomUUID(), TestProperties.PASSWORD)));
    assertProblem(unknown, 401);

    Api.Response garbage =
        api.send(
            null, "GET", "/api/me", null, null, Map.of("Authorization", "Basic !!!not-base64"));
    assertThat(garbage.status()).isEqualTo(401);
  }

  // --- deny by default
  // -----------------------------------------------------------------------------------------

  @Test
  void anUnknownApiPathIsRefused() {
    String rm = users.get(RM);
    String admin = users.get(ADMIN);
    for (String[] request :
        new String[][] {
          {"DELETE", "/api/vendors/" + vendorA},
          {"PUT", "/api/vendors/" + vendorA},
          {"GET", "/api/nothing"},
          {"DELETE", "/api/users"},
          {"GET", "/api/users"},
          {"PATCH", "/api/escalations/" + escalationA},
          {"GET", "/api"}
        }) {
      String what = request[0] + " " + request[1];
      assertProblem(api.send(rm, request[0], request[1], null, null, Map.of()), 403);
      assertThat(api.send(admin, request[0], request[1], null, null, Map.of()).status())
          .as(what)
          .isEqualTo(403);
      Api.Response anonymous = api.send(null, request[0], request[1], null, null, Map.of());
      assertProblem(anonymous, 401);
    }
  }

  @Test
  void anUnknownPathOutsideTheApiIsNotServed() {
    for (String path :
        new String[] {
          "/nothing",
          "/admin",
          "/actuator/env",
          "/actuator/beans",
          "/h2-console",
          "/WEB-INF/web.xml"
        }) {
      for (String user : new String[] {null, users.get(RM), users.get(ADMIN)}) {
        Api.Response response = api.get(user, path);
        // the pages are behind the login form (HTTP Basic counts only on /api, /engine-rest and
        // /camunda)
        assertThat(response.status()).as(user + " " + path).isIn(302, 401, 403, 404);
        if (response.status() == 302) {
          assertThat(response.header("Location")).as(path).endsWith("/login");
        }
        assertNoLeak(response);
      }
    }
  }

  // --- engine REST API and webapps: internal users only
  // ---------------------------------------------------------

  @Test
  void theEngineRestApiNeedsAnInternalUser() {
    for (String path : new String[] {"/engine-rest/engine", "/engine-rest/task"}) {
      Api.Response anonymous = api.get(null, path);
      assertProblem(anonymous, 401);
      assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
      assertProblem(api.get(users.get(LEAD), path), 403);
      for (String internal : new String[] {RM, QA, EXECUTIVE, ADMIN}) {
        assertThat(api.get(users.get(internal), path).status())
            .as(internal + " " + path)
            .isEqualTo(200);
      }
    }
  }

  @Test
  void theEngineRestApiShowsAnInternalUserOnlyWhatTheirAuthorizationsAllow() {
    String otherRm = world.user("sec-rm2", RM, null);
    String mine = "sec-mine-" + UUID.randomUUID();
    String theirs = "sec-theirs-" + UUID.randomUUID();
    try {
      createStandaloneTask(mine, users.get(RM));
      createStandaloneTask(theirs, otherRm);

      String query = "/engine-rest/task?taskIdIn=" + mine + "," + theirs;
      assertThat(ids(api.get(TestProperties.ADMIN, query))).containsExactlyInAnyOrder(mine, theirs);
      assertThat(ids(api.get(users.get(RM), query))).containsExactly(mine);
      assertThat(ids(api.get(otherRm, query))).containsExactly(theirs);
      assertThat(ids(api.get(users.get(QA), query))).isEmpty();
      // and one by one: another user's task is not there for them
      assertThat(api.get(users.get(RM), "/engine-rest/task/" + theirs).status()).isIn(403, 404);
      assertThat(api.get(users.get(RM), "/engine-rest/task/" + mine).status()).isEqualTo(200);
    } finally {
      api.delete(TestProperties.ADMIN, "/engine-rest/task/" + mine);
      api.delete(TestProperties.ADMIN, "/engine-rest/task/" + theirs);
    }
  }

  @Test
  void theEngineRestApiGrantsANonAdministratorNoAdministration() {
    String rm = users.get(RM);
    // reading users is granted (Tasklist shows names), reading authorizations is not
    Api.Response listed = api.get(rm, "/engine-rest/user?idIn=" + rm + "," + users.get(QA));
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().findValuesAsText("id")).containsExactlyInAnyOrder(rm, users.get(QA));
    Api.Response authorizations = api.get(rm, "/engine-rest/authorization");
    assertThat(authorizations.status()).isEqualTo(200);
    assertThat(authorizations.json()).isEmpty();

    Map<String, Object> newUser =
        Map.of(
            "profile",
                Map.of(
                    "id",
                    "sec-sneaky-" + world.unique("u").toLowerCase(),
                    "firstName",
                    "Sneaky",
                    "lastName",
                    "Newcomer"),
            "credentials", Map.of("password", TestProperties.PASSWORD));
    assertThat(api.post(rm, "/engine-rest/user/create", newUser).status()).isEqualTo(403);
    // no way into the administrators' group
    assertThat(
            api.put(rm, "/engine-rest/group/" + Role.ADMIN.groupId() + "/members/" + rm, null)
                .status())
        .isEqualTo(403);
    assertThat(memberOfAdmins(rm)).isFalse();
    Map<String, Object> grant =
        Map.of(
            "type",
            1,
            "permissions",
            List.of("ALL"),
            "userId",
            rm,
            "resourceType",
            0,
            "resourceId",
            "*");
    assertThat(api.post(rm, "/engine-rest/authorization/create", grant).status()).isEqualTo(403);
    // nor into another user's credentials
    Map<String, Object> credentials =
        Map.of("password", "Taken-over-123!", "authenticatedUserPassword", TestProperties.PASSWORD);
    assertThat(
            api.put(rm, "/engine-rest/user/" + users.get(QA) + "/credentials", credentials)
                .status())
        .isEqualTo(403);
    assertThat(api.get(users.get(QA), "/api/me").status()).isEqualTo(200);
  }

  @Test
  void expressionsInAdhocQueriesAreRefused() {
    Api.Response response =
        api.get(users.get(RM), "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D");
    assertThat(response.status()).as(response.body()).isEqualTo(400);
  }

  @Test
  void nobodyDeploysProcessDefinitionsThroughTheEngineRestApiOrTheWebapps() {
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            targetNamespace="http://steward.dev/test">
          <process id="sec_uploaded" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;
    String boundary = "----steward" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nuploaded\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"data\"; filename=\"uploaded.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n"
            + "--"
            + boundary
            + "--\r\n";
    String contentType = "multipart/form-data; boundary=" + boundary;
    for (String path :
        new String[] {
          "/engine-rest/deployment/create",
          "/engine-rest/deployment/create/",
          "/engine-rest/engine/default/deployment/create",
          "/camunda/api/engine/engine/default/deployment/create"
        }) {
      for (String user : new String[] {TestProperties.ADMIN, users.get(ADMIN), users.get(RM)}) {
        Api.Response response = api.send(user, "POST", path, body, contentType, Map.of());
        assertThat(response.status()).as(user + " " + path + ": " + response.body()).isEqualTo(403);
      }
    }
    Api.Response definitions =
        api.get(TestProperties.ADMIN, "/engine-rest/process-definition?key=sec_uploaded");
    assertThat(definitions.status()).isEqualTo(200);
    assertThat(definitions.json()).isEmpty();
    // redeploying an existing deployment is refused too
    String deployment =
        api.get(TestProperties.ADMIN, "/engine-rest/deployment?maxResults=1")
            .json()
            .get(0)
            .get("id")
            .asText();
    assertThat(
            api.post(
                    TestProperties.ADMIN,
                    "/engine-rest/deployment/" + deployment + "/redeploy",
                    Map.of())
                .status())
        .isEqualTo(403);
  }

  @Test
  void theWebappsNeedAnInternalUser() {
    for (String path :
        new String[] {"/camunda/app/tasklist/default/", "/camunda/api/engine/engine/"}) {
      assertProblem(api.get(users.get(LEAD), path), 403);
      assertThat(api.get(users.get(RM), path).status()).as("RM " + path).isEqualTo(200);

      Api.Response json =
          api.send(null, "GET", path, null, null, Map.of("Accept", "application/json"));
      assertProblem(json, 401);

      Api.Response browser = api.send(null, "GET", path, null, null, Map.of("Accept", "text/html"));
      assertThat(browser.status()).as(path).isEqualTo(302);
      assertThat(browser.header("Location")).endsWith("/login");
    }
  }

  @Test
  void aBpoLeadCannotSignInToTheWebapps() {
    String lead = users.get(LEAD);
    String form = loginForm(lead);
    String login = "/camunda/api/admin/auth/user/default/login/tasklist";

    Api.Response withCredentials =
        api.send(lead, "POST", login, form, FORM, Map.of("Accept", "application/json"));
    assertProblem(withCredentials, 403);
    assertNoWebappSession(withCredentials);

    // without a signed-in user the request never reaches Camunda's login resource
    Api.Response formOnly =
        api.send(null, "POST", login, form, FORM, Map.of("Accept", "application/json"));
    assertProblem(formOnly, 401);
    assertNoWebappSession(formOnly);

    // and the application's own login form does not open the webapps to them either
    String leadSession = signInWithForm(lead);
    Api.Response tasklist =
        api.send(
            null,
            "GET",
            "/camunda/api/engine/engine/",
            null,
            null,
            Map.of("Cookie", "JSESSIONID=" + leadSession, "Accept", "application/json"));
    assertProblem(tasklist, 403);
  }

  @Test
  void theLoginFormSetsAHardenedSessionCookieAndNeedsItsCsrfToken() {
    Api.Response page = api.send(null, "GET", "/login", null, null, Map.of("Accept", "text/html"));
    assertThat(page.status()).isEqualTo(200);
    String setCookie = setCookie(page, "JSESSIONID");
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");

    String form = loginForm(users.get(RM));
    Api.Response withoutToken =
        api.send(
            null,
            "POST",
            "/login",
            form,
            FORM,
            Map.of("Cookie", "JSESSIONID=" + cookie(page, "JSESSIONID")));
    assertThat(withoutToken.status()).as("login without the CSRF token").isEqualTo(403);

    // with the token it works, and signing in starts a new session (no session fixation): see
    // signInWithForm
    assertThat(signInWithForm(users.get(RM))).isNotBlank();
  }

  @Test
  void aBrowserSessionAuthenticatesNoApiCallAndNoWebappChangeWithoutTheCsrfToken() {
    String session = signInWithForm(users.get(RM));
    Map<String, String> cookie =
        Map.of("Cookie", "JSESSIONID=" + session, "Accept", "application/json");

    // the API is stateless HTTP Basic: a session cookie authenticates nothing there, so there is
    // nothing to forge
    assertProblem(api.send(null, "GET", "/api/me", null, null, cookie), 401);
    Map<String, Object> vendor = TestWorld.vendorBody(world.unique("SEC-CSRF"));
    assertProblem(api.send(null, "POST", "/api/vendors", vendor, "application/json", cookie), 401);

    // the webapps run on the session, and every state-changing call needs Camunda's CSRF token
    String xsrf = webappCsrfToken(session);
    Api.Response filters =
        api.send(null, "GET", "/camunda/api/engine/engine/default/filter", null, null, cookie);
    assertThat(filters.status()).as(filters.body()).isEqualTo(200);
    String list =
        "/camunda/api/engine/engine/default/filter/"
            + filters.json().get(0).get("id").asText()
            + "/list";

    Map<String, String> forgedHeaders =
        Map.of(
            "Cookie",
            "JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf,
            "Accept",
            "application/json");
    Api.Response forged = api.send(null, "POST", list, "{}", "application/json", forgedHeaders);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.header("X-XSRF-TOKEN")).isEqualTo("Required");
    // and Camunda ends a session that received a forged request
    assertProblem(api.send(null, "GET", "/camunda/api/engine/engine/", null, null, cookie), 401);

    String again = signInWithForm(users.get(RM));
    String token = webappCsrfToken(again);
    Map<String, String> genuineHeaders =
        Map.of(
            "Cookie",
            "JSESSIONID=" + again + "; XSRF-TOKEN=" + token,
            "X-XSRF-TOKEN",
            token,
            "Accept",
            "application/json");
    Api.Response genuine = api.send(null, "POST", list, "{}", "application/json", genuineHeaders);
    assertThat(genuine.status()).as(genuine.body()).isEqualTo(200);
  }

  /**
   * Opens Tasklist in the session and returns the CSRF token Camunda hands out in its (hardened)
   * cookie.
   */
  private String webappCsrfToken(String session) {
    Api.Response app =
        api.send(
            null,
            "GET",
            "/camunda/app/tasklist/default/",
            null,
            null,
            Map.of("Cookie", "JSESSIONID=" + session));
    assertThat(app.status()).isEqualTo(200);
    assertThat(setCookie(app, "XSRF-TOKEN")).contains("SameSite=Strict");
    String token = cookie(app, "XSRF-TOKEN");
    assertThat(token).isNotBlank();
    return token;
  }

  @Test
  void aUrlTheFirewallRejectsIsAProblemDetailToo() {
    for (String path :
        new String[] {"/api/vendors;jsessionid=x", "/api//vendors", "/api/vendors/%2e%2e/users"}) {
      assertProblem(api.get(users.get(RM), path), 400);
    }
  }

  // --- headers and error hygiene
  // ------------------------------------------------------------------------------

  @Test
  void apiResponsesCarryTheSecurityHeaders() {
    List<Api.Response> responses = new ArrayList<>();
    responses.add(api.get(users.get(RM), "/api/me"));
    responses.add(api.get(null, "/api/me"));
    responses.add(api.get(users.get(LEAD), "/api/users"));
    responses.add(api.get(users.get(RM), "/api/vendors/no-such-vendor"));
    for (Api.Response response : responses) {
      assertThat(response.header("X-Content-Type-Options"))
          .as(response.body())
          .isEqualTo("nosniff");
      assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(response.header("Content-Security-Policy"))
          .contains("default-src 'self'")
          .contains("frame-ancestors 'none'");
      assertThat(response.header("Cache-Control")).contains("no-store");
    }
  }

  @Test
  void errorsAreProblemDetailsWithoutInternals() {
    String rm = users.get(RM);
    assertProblem(api.get(rm, "/api/vendors/no-such-vendor"), 404);
    assertProblem(api.get(rm, "/api/escalations/no-such-escalation"), 404);
    assertProblem(api.get(rm, "/api/escalations?status=NOT_A_STATUS"), 400);

    Api.Response malformed =
        api.postRaw(rm, "/api/vendors", "{\"code\": \"X\", ", "application/json");
    JsonNode problem = assertProblem(malformed, 400);
    assertThat(problem.get("detail").asText())
        .doesNotContain("JSON parse error")
        .doesNotContain("com.fasterxml");

    Api.Response notJson = api.postRaw(rm, "/api/vendors", "code=X", "text/plain");
    assertThat(notJson.status()).isEqualTo(415);
    assertNoLeak(notJson);

    Api.Response wrongType = api.postRaw(rm, "/api/vendors", "[1, 2]", "application/json");
    assertThat(wrongType.status()).isIn(400, 422);
    assertNoLeak(wrongType);

    Api.Response empty = api.postRaw(rm, "/api/vendors", "", "application/json");
    assertProblem(empty, 400);

    Api.Response deep =
        api.postRaw(rm, "/api/vendors", "[".repeat(5000) + "]".repeat(5000), "application/json");
    assertThat(deep.status()).isIn(400, 422);
    assertNoLeak(deep);
  }

  // --- login throttling
  // ---------------------------------------------------------------------------------------

  @Test
  void afterAFailedLoginEvenTheRightPasswordWaitsForTheLoginDelay() throws InterruptedException {
    String user = world.user("sec-delay", QA, null);
    long failedAt = System.nanoTime();
    assertThat(signIn(user, "Not-the-password-1!")).isEqualTo(401);
    assertThat(signIn(user, TestProperties.PASSWORD))
        .as("right password during the login delay")
        .isEqualTo(401);
    // the delay (login-delay-base) is short: the right password works again soon
    int status = 401;
    while (status == 401 && System.nanoTime() - failedAt < Duration.ofSeconds(10).toNanos()) {
      Thread.sleep(250);
      status = signIn(user, TestProperties.PASSWORD);
    }
    assertThat(status).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - failedAt)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void tenWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() {
    String locked = world.user("sec-locked", RM, null);
    String control = world.user("sec-nine", RM, null);

    // the login delay grows with each failure; the test skips the waiting by expiring the delay in
    // the database,
    // so every one of the wrong passwords really counts as an attempt
    failLogins(control, 9);
    expireLoginDelay(control);
    assertThat(signIn(control, TestProperties.PASSWORD))
        .as("nine failures do not lock")
        .isEqualTo(200);

    failLogins(locked, 10);
    expireLoginDelay(locked);
    assertThat(failedAttempts(locked)).isEqualTo(10);
    assertThat(signIn(locked, TestProperties.PASSWORD))
        .as("right password after ten failures")
        .isEqualTo(401);
    assertThat(api.get(locked, "/engine-rest/engine").status()).isEqualTo(401);

    assertThat(
            api.post(TestProperties.ADMIN, "/engine-rest/user/" + locked + "/unlock", null)
                .status())
        .isEqualTo(204);
    assertThat(signIn(locked, TestProperties.PASSWORD)).isEqualTo(200);
  }

  // --- helpers
  // ------------------------------------------------------------------------------------------------

  private Api.Response call(String user, Rule rule, String role) {
    String path =
        rule.path()
            .replace("{vendor}", vendorA)
            .replace("{escalation}", escalationA)
            .replace("{task}", "no-such-task-" + UUID.randomUUID());
    Object body = null;
    if (rule.method().equals("POST")) {
      body =
          switch (rule.path()) {
            case "/api/users" -> newUser(role);
            case "/api/vendors" -> TestWorld.vendorBody(world.unique("MX-" + role.substring(0, 2)));
            case "/api/escalations" -> TestWorld.escalationBody(vendorA, "P4");
            default -> Map.of();
          };
    }
    return api.send(
        user, rule.method(), path, body, body == null ? null : "application/json", Map.of());
  }

  private Map<String, Object> newUser(String byRole) {
    return Map.of(
        "username",
        world.unique("made-by-" + byRole.substring(0, 2)).toLowerCase(),
        "password",
        TestProperties.PASSWORD,
        "displayName",
        "Made Tester",
        "role",
        QA);
  }

  private void createStandaloneTask(String id, String assignee) {
    Api.Response created =
        api.post(
            TestProperties.ADMIN,
            "/engine-rest/task/create",
            Map.of("id", id, "name", "Security test task", "assignee", assignee));
    assertThat(created.status()).as(created.body()).isEqualTo(204);
  }

  private static List<String> ids(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response.json().forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private boolean memberOfAdmins(String user) {
    return api.get(TestProperties.ADMIN, "/engine-rest/group?member=" + user)
        .json()
        .findValuesAsText("id")
        .contains(Role.ADMIN.groupId());
  }

  private int signIn(String user, String password) {
    return api.send(
            null, "GET", "/api/me", null, null, Map.of("Authorization", Api.basic(user, password)))
        .status();
  }

  private void failLogins(String user, int times) {
    for (int i = 0; i < times; i++) {
      expireLoginDelay(user);
      assertThat(signIn(user, "Wrong-password-" + i + "!")).isEqualTo(401);
    }
  }

  /**
   * Fast-forwards one user's login delay (the engine refuses every password while it runs, counting
   * nothing).
   */
  private void expireLoginDelay(String user) {
    jdbc.update("update ACT_ID_USER set LOCK_EXP_TIME_ = null where ID_ = ?", user);
  }

  private int failedAttempts(String user) {
    Integer attempts =
        jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, user);
    return attempts == null ? 0 : attempts;
  }

  private static final String FORM = "application/x-www-form-urlencoded";

  private static String loginForm(String user) {
    return "username="
        + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password="
        + URLEncoder.encode(TestProperties.PASSWORD, StandardCharsets.UTF_8);
  }

  /**
   * Signs in through the application's login form (with its CSRF token) and returns the new session
   * id.
   */
  private String signInWithForm(String user) {
    Api.Response page = api.send(null, "GET", "/login", null, null, Map.of("Accept", "text/html"));
    assertThat(page.status()).isEqualTo(200);
    String csrf = page.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
    Api.Response signedIn =
        api.send(
            null,
            "POST",
            "/login",
            loginForm(user) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8),
            FORM,
            Map.of("Cookie", "JSESSIONID=" + cookie(page, "JSESSIONID")));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location")).doesNotContain("error");
    String session = cookie(signedIn, "JSESSIONID");
    assertThat(session)
        .as("a new session after signing in")
        .isNotBlank()
        .isNotEqualTo(cookie(page, "JSESSIONID"));
    return session;
  }

  private static String setCookie(Api.Response response, String name) {
    return response.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElse(null);
  }

  private static String cookie(Api.Response response, String name) {
    return response.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElse(null);
  }

  /** Whatever cookie a refused login left behind, it opens nothing in the webapps. */
  private void assertNoWebappSession(Api.Response refused) {
    String session = cookie(refused, "JSESSIONID");
    if (session == null) {
      return;
    }
    Api.Response probe =
        api.send(
            null,
            "GET",
            "/camunda/api/admin/auth/user/default",
            null,
            null,
            Map.of("Cookie", "JSESSIONID=" + session, "Accept", "application/json"));
    assertThat(probe.status()).isIn(401, 403);
    Api.Response engine =
        api.send(
            null,
            "GET",
            "/camunda/api/engine/engine/",
            null,
            null,
            Map.of("Cookie", "JSESSIONID=" + session, "Accept", "application/json"));
    assertThat(engine.status()).isIn(401, 403);
  }
}
