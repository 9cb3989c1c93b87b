package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Api;
import dev.steward.support.H2IntegrationTest;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default, proven over every mapped {@code /api} endpoint and every role: each endpoint
 * must be in {@link #ACCESS} (a new endpoint without an access decision fails this test), roles
 * outside its entry get 403, roles inside it never get 401/403/5xx, and nobody gets in without
 * credentials. Path variables are unknown ids and bodies are empty, so nothing is changed by the
 * scan.
 */
@H2IntegrationTest
class RouteScanIT {

  static final String ADMIN = "ADMIN";
  static final String RM = "RELATIONSHIP_MANAGER";
  static final String QA = "QA_ANALYST";
  static final String EXEC = "EXECUTIVE";
  static final String LEAD = "BPO_LEAD";
  static final Set<String> EVERYONE = Set.of(ADMIN, RM, QA, EXEC, LEAD);
  static final Set<String> INTERNAL = Set.of(ADMIN, RM, QA, EXEC);

  /** Who may call what: "METHOD pattern" (path variables as {@code {}}) → roles. */
  static final Map<String, Set<String>> ACCESS = new LinkedHashMap<>();

  static {
    ACCESS.put("POST /api/users", Set.of(ADMIN));
    ACCESS.put("GET /api/me", EVERYONE);
    ACCESS.put("POST /api/vendors", Set.of(RM, ADMIN));
    ACCESS.put("GET /api/vendors", EVERYONE);
    ACCESS.put("GET /api/vendors/{}", EVERYONE);
    ACCESS.put("GET /api/vendors/{}/lifecycle", EVERYONE);
    ACCESS.put("POST /api/vendors/{}/interactions", Set.of(RM, ADMIN, LEAD));
    ACCESS.put("PUT /api/vendors/{}/scorecard", Set.of(RM, ADMIN));
    ACCESS.put("GET /api/vendors/{}/scorecard", EVERYONE);
    ACCESS.put("GET /api/vendors/{}/scorecard/definition", EVERYONE);
    ACCESS.put("PUT /api/vendors/{}/contract", Set.of(RM, ADMIN));
    ACCESS.put("GET /api/vendors/{}/contract", INTERNAL);
    ACCESS.put("POST /api/escalations", Set.of(LEAD, RM));
    ACCESS.put("GET /api/escalations", EVERYONE);
    ACCESS.put("GET /api/escalations/{}", EVERYONE);
    ACCESS.put("GET /api/tasks", EVERYONE);
    ACCESS.put("GET /api/tasks/{}", EVERYONE);
    ACCESS.put("POST /api/tasks/{}/complete", EVERYONE);
    // evaluation and pilot
    ACCESS.put("POST /api/evaluations", Set.of(RM, ADMIN));
    ACCESS.put("PUT /api/evaluations/{}/bids/{}", Set.of(RM, ADMIN));
    ACCESS.put("GET /api/evaluations", INTERNAL);
    ACCESS.put("GET /api/evaluations/{}", INTERNAL);
    ACCESS.put("GET /api/evaluations/{}/ranking", INTERNAL);
    ACCESS.put("GET /api/vendors/{}/pilots", EVERYONE);
    ACCESS.put("GET /api/pilots/{}", EVERYONE);
    // onboarding and training
    ACCESS.put("GET /api/vendors/{}/onboarding", EVERYONE);
    ACCESS.put("GET /api/vendors/{}/training-cohorts", EVERYONE);
    ACCESS.put("GET /api/training-cohorts/{}", EVERYONE);
    // QA
    ACCESS.put("GET /api/vendors/{}/qa-scorecard", EVERYONE);
    ACCESS.put("PUT /api/vendors/{}/qa-scorecard", Set.of(RM, QA, ADMIN));
    ACCESS.put("POST /api/vendors/{}/qa-cycles", Set.of(RM, QA, ADMIN));
    ACCESS.put("GET /api/vendors/{}/qa-cycles", EVERYONE);
    ACCESS.put("GET /api/vendors/{}/qa-leaderboard", EVERYONE);
    ACCESS.put("GET /api/vendors/{}/agents/{}/points", EVERYONE);
    ACCESS.put("GET /api/qa-cycles/{}", EVERYONE);
    ACCESS.put("GET /api/qa-cycles/{}/audits", EVERYONE);
    ACCESS.put("GET /api/qa/audits/{}", EVERYONE);
    ACCESS.put("POST /api/qa/audits/{}/disputes", Set.of(LEAD));
    ACCESS.put("POST /api/vendors/{}/qa-calibrations", Set.of(RM, QA, ADMIN));
    ACCESS.put("GET /api/vendors/{}/qa-calibrations", INTERNAL);
    ACCESS.put("GET /api/qa-calibrations/{}", INTERNAL);
    // change bulletins and the decision record
    ACCESS.put("POST /api/bulletins", Set.of(RM, ADMIN));
    ACCESS.put("GET /api/bulletins", EVERYONE);
    ACCESS.put("GET /api/bulletins/{}", EVERYONE);
    ACCESS.put("GET /api/vendors/{}/bulletins", EVERYONE);
    ACCESS.put("GET /api/vendors/{}/decisions", INTERNAL);
    // transitions: BPO leads are routed in and answered 404 by the service (never theirs)
    ACCESS.put("POST /api/vendors/{}/transitions", Set.of(RM, ADMIN));
    ACCESS.put("GET /api/vendors/{}/transitions", EVERYONE);
    ACCESS.put("GET /api/transitions/{}", EVERYONE);
    // quarterly reviews, notices and the risk log
    ACCESS.put("POST /api/vendors/{}/reviews", Set.of(RM, ADMIN));
    ACCESS.put("GET /api/vendors/{}/reviews", INTERNAL);
    ACCESS.put("GET /api/reviews/{}", INTERNAL);
    ACCESS.put("GET /api/vendors/{}/notices", EVERYONE);
    ACCESS.put("POST /api/vendors/{}/risks", INTERNAL);
    ACCESS.put("GET /api/vendors/{}/risks", EVERYONE);
    ACCESS.put("GET /api/risks", INTERNAL);
    ACCESS.put("GET /api/risks/{}", INTERNAL);
    ACCESS.put("PATCH /api/risks/{}", INTERNAL);
  }

  /**
   * The application's own pages (browser sessions): "METHOD pattern" → roles. Everything else a
   * signed-in browser asks for outside {@code /api} is refused.
   */
  static final Map<String, Set<String>> PAGES = new LinkedHashMap<>();

  static {
    Set<String> dashboard = Set.of(ADMIN, RM, EXEC);
    PAGES.put("GET /", EVERYONE);
    PAGES.put("GET /login", EVERYONE);
    PAGES.put("GET /dashboard", dashboard);
    PAGES.put("GET /dashboard/vendors/{}", dashboard);
    PAGES.put("GET /portal", Set.of(LEAD));
    PAGES.put("GET /portal/qa", Set.of(LEAD));
    PAGES.put("GET /portal/bulletins", Set.of(LEAD));
    PAGES.put("GET /portal/escalations", Set.of(LEAD));
    PAGES.put("GET /portal/escalations/table", Set.of(LEAD));
    PAGES.put("GET /portal/escalations/new", Set.of(LEAD));
    PAGES.put("POST /portal/escalations", Set.of(LEAD));
    PAGES.put("GET /portal/escalations/{}", Set.of(LEAD));
    PAGES.put("GET /portal/tasks", Set.of(LEAD));
    PAGES.put("GET /portal/tasks/{}", Set.of(LEAD));
    PAGES.put("POST /portal/tasks/{}", Set.of(LEAD));
  }

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyApiEndpointIsDeniedByDefaultAndOpenOnlyToItsRoles() {
    Api api = new Api(port);
    TestWorld world = new TestWorld(api);
    String vendor = world.vendor(world.unique("SCAN"), null);
    Map<String, String> users = new LinkedHashMap<>();
    users.put(ADMIN, TestProperties.ADMIN);
    users.put(RM, world.user("scan-rm", RM, null));
    users.put(QA, world.user("scan-qa", QA, null));
    users.put(EXEC, world.user("scan-exec", EXEC, null));
    users.put(LEAD, world.user("scan-lead", LEAD, vendor));

    Set<String> mapped = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues().stream()
                    .filter(p -> p.startsWith("/api/"))
                    .forEach(
                        pattern ->
                            info.getMethodsCondition().getMethods().stream()
                                .map(RequestMethod::name)
                                .forEach(
                                    m ->
                                        mapped.add(
                                            m + " " + pattern.replaceAll("\\{[^}]+}", "{}")))));

    assertThat(mapped)
        .as("every /api endpoint has an access decision in RouteScanIT.ACCESS")
        .isSubsetOf(ACCESS.keySet());
    assertThat(ACCESS.keySet()).as("no stale entries in ACCESS").isSubsetOf(mapped);

    SoftAssertions softly = new SoftAssertions();
    List<String> checked = new ArrayList<>();
    for (String endpoint : mapped) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{}", "scan-unknown-id");
      Object body = method.equals("GET") || method.equals("DELETE") ? null : "{}";

      Api.Response anonymous = api.send(null, method, path, body, "application/json", Map.of());
      softly.assertThat(anonymous.status()).as("%s without credentials", endpoint).isEqualTo(401);

      for (Map.Entry<String, String> user : users.entrySet()) {
        Api.Response response =
            api.send(user.getValue(), method, path, body, "application/json", Map.of());
        String what = endpoint + " as " + user.getKey() + " → " + response.body();
        if (ACCESS.get(endpoint).contains(user.getKey())) {
          softly.assertThat(response.status()).as(what).isNotIn(401, 403).isLessThan(500);
        } else {
          softly.assertThat(response.status()).as(what).isEqualTo(403);
        }
        softly
            .assertThat(response.body())
            .as("%s: no stack trace or SQL", what)
            .doesNotContain("Exception", "\tat ", "SELECT ", "select ");
        checked.add(endpoint + " " + user.getKey());
      }
    }
    softly.assertAll();
    assertThat(checked).hasSize(mapped.size() * users.size());
  }

  @Test
  void everyPageIsDeniedByDefaultAndOpenOnlyToItsRoles() {
    Api api = new Api(port);
    TestWorld world = new TestWorld(api);
    String vendor = world.vendor(world.unique("PAGESCAN"), null);
    Map<String, Api.Session> sessions = new LinkedHashMap<>();
    sessions.put(ADMIN, api.signIn(TestProperties.ADMIN));
    sessions.put(RM, api.signIn(world.user("pscan-rm", RM, null)));
    sessions.put(QA, api.signIn(world.user("pscan-qa", QA, null)));
    sessions.put(EXEC, api.signIn(world.user("pscan-exec", EXEC, null)));
    sessions.put(LEAD, api.signIn(world.user("pscan-lead", LEAD, vendor)));

    Set<String> mapped = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues().stream()
                    .filter(p -> !p.startsWith("/api/") && !p.equals("/error"))
                    .filter(p -> !p.startsWith("/v3/api-docs") && !p.startsWith("/swagger-ui"))
                    .forEach(
                        pattern ->
                            info.getMethodsCondition().getMethods().stream()
                                .map(RequestMethod::name)
                                .forEach(
                                    m ->
                                        mapped.add(
                                            m + " " + pattern.replaceAll("\\{[^}]+}", "{}")))));
    assertThat(mapped)
        .as("every page has an access decision in RouteScanIT.PAGES")
        .isEqualTo(new TreeSet<>(PAGES.keySet()));

    SoftAssertions softly = new SoftAssertions();
    for (String endpoint : mapped) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{}", "scan-unknown-id");
      boolean open = path.equals("/login");
      Api.Response anonymous =
          api.send(null, method, path, null, null, Map.of("Accept", "text/html"));
      if (!open) {
        softly.assertThat(anonymous.status()).as("%s without a session", endpoint).isIn(302, 403);
      }
      for (Map.Entry<String, Api.Session> session : sessions.entrySet()) {
        Api.Session s = session.getValue();
        Object body = method.equals("POST") ? "_csrf=" + s.csrf() : null;
        Api.Response response =
            api.send(null, method, path, body, "application/x-www-form-urlencoded", s.headers());
        String what = endpoint + " as " + session.getKey();
        if (PAGES.get(endpoint).contains(session.getKey())) {
          softly.assertThat(response.status()).as(what).isNotIn(401, 403).isLessThan(500);
        } else {
          softly.assertThat(response.status()).as(what).isEqualTo(403);
        }
        softly
            .assertThat(response.body())
            .as("%s: no stack trace or SQL", what)
            // pages have <select> elements, so look for SQL keywords in upper case and Java
            // internals
            .doesNotContain("Exception", "\tat ", "SELECT ", " FROM ", "java.", "org.hibernate");
      }
    }
    softly.assertAll();
  }
}
