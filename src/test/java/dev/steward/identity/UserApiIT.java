package dev.steward.identity;

import static dev.steward.support.Problems.assertProblem;
import static dev.steward.support.Problems.errorFields;
import static dev.steward.support.Problems.errorMessages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/users} and {@code GET /api/me} over real HTTP; run on H2 and on PostgreSQL by
 * the subclasses.
 */
abstract class UserApiIT {

  private static final String ADMIN = TestProperties.ADMIN;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  Api api;
  TestWorld world;

  @BeforeEach
  void client() {
    api = new Api(port);
    world = new TestWorld(api);
  }

  @Test
  void anAdministratorCreatesAUserWhoCanThenSignIn() {
    String username = world.unique("ua-rm").toLowerCase();
    Api.Response created =
        api.post(ADMIN, "/api/users", user(username, "RELATIONSHIP_MANAGER", null));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.contentType()).startsWith("application/json");
    JsonNode body = created.json();
    assertThat(body.get("username").asText()).isEqualTo(username);
    assertThat(body.get("displayName").asText()).isEqualTo("Rita Manager");
    assertThat(body.get("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("RELATIONSHIP_MANAGER");
    assertThat(body.has("vendorId")).isTrue();
    assertThat(body.get("vendorId").isNull()).isTrue();
    assertThat(created.body())
        .doesNotContain(TestProperties.PASSWORD)
        .doesNotContainIgnoringCase("password");

    Api.Response me = api.get(username, "/api/me");
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().get("username").asText()).isEqualTo(username);
    assertThat(me.json().get("displayName").asText()).isEqualTo("Rita Manager");
    assertThat(me.json().get("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("RELATIONSHIP_MANAGER");
    assertThat(me.json().get("vendorId").isNull()).isTrue();
  }

  @Test
  void aBpoLeadIsBoundToTheirVendor() {
    String vendor = world.vendor("UA-V", null);
    String username = world.unique("ua-lead").toLowerCase();
    Api.Response created = api.post(ADMIN, "/api/users", user(username, "BPO_LEAD", vendor));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("BPO_LEAD");
    assertThat(created.json().get("vendorId").asText()).isEqualTo(vendor);

    Api.Response me = api.get(username, "/api/me");
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().get("roles")).extracting(JsonNode::asText).containsExactly("BPO_LEAD");
    assertThat(me.json().get("vendorId").asText()).isEqualTo(vendor);
  }

  @Test
  void everyRoleCanBeCreatedAndSeesItselfInMe() {
    for (String role : List.of("ADMIN", "RELATIONSHIP_MANAGER", "QA_ANALYST", "EXECUTIVE")) {
      String username = world.user("ua-" + role.substring(0, 2), role, null);
      Api.Response me = api.get(username, "/api/me");
      assertThat(me.status()).as(role + ": " + me.body()).isEqualTo(200);
      assertThat(me.json().get("roles")).extracting(JsonNode::asText).containsExactly(role);
    }
  }

  @Test
  void passwordsAreStoredAsSaltedHashes() {
    String username = world.user("ua-hash", "QA_ANALYST", null);
    Map<String, Object> row =
        jdbc.queryForMap("select PWD_, SALT_ from ACT_ID_USER where ID_ = ?", username);
    assertThat((String) row.get("PWD_")).isNotBlank().doesNotContain(TestProperties.PASSWORD);
    assertThat((String) row.get("SALT_")).isNotBlank();
  }

  @Test
  void creatingAUserIsAudited() {
    String username = world.user("ua-audit", "EXECUTIVE", null);
    List<Map<String, Object>> events =
        jdbc.queryForList(
            "select actor, action from audit_event where subject_type = 'user' and subject_id = ?",
            username);
    assertThat(events).hasSize(1);
    // column names are matched case-insensitively (H2 reports them upper-case, PostgreSQL
    // lower-case)
    assertThat(events.get(0).get("actor")).isEqualTo(ADMIN);
    assertThat(events.get(0).get("action")).isEqualTo("USER_CREATED");
  }

  @Test
  void aDuplicateUsernameIs409() {
    String username = world.user("ua-dup", "QA_ANALYST", null);
    Api.Response again = api.post(ADMIN, "/api/users", user(username, "EXECUTIVE", null));
    assertProblem(again, 409);
    // the first account is unchanged
    assertThat(api.get(username, "/api/me").json().get("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("QA_ANALYST");
  }

  @Test
  void aBpoLeadNeedsAVendor() {
    JsonNode missing =
        assertProblem(
            api.post(
                ADMIN, "/api/users", user(world.unique("ua-nov").toLowerCase(), "BPO_LEAD", null)),
            422);
    assertThat(errorFields(missing)).containsExactly("vendorId");

    JsonNode blank =
        assertProblem(
            api.post(
                ADMIN, "/api/users", user(world.unique("ua-blank").toLowerCase(), "BPO_LEAD", " ")),
            422);
    assertThat(errorFields(blank)).containsExactly("vendorId");

    JsonNode unknown =
        assertProblem(
            api.post(
                ADMIN,
                "/api/users",
                user(world.unique("ua-unk").toLowerCase(), "BPO_LEAD", "no-such-vendor")),
            422);
    assertThat(errorFields(unknown)).containsExactly("vendorId");
  }

  @Test
  void onlyABpoLeadIsBoundToAVendor() {
    String vendor = world.vendor("UA-NL", null);
    for (String role : List.of("RELATIONSHIP_MANAGER", "QA_ANALYST", "EXECUTIVE", "ADMIN")) {
      String username = world.unique("ua-nl-" + role.substring(0, 2)).toLowerCase();
      JsonNode problem =
          assertProblem(api.post(ADMIN, "/api/users", user(username, role, vendor)), 422);
      assertThat(errorFields(problem)).as(role).containsExactly("vendorId");
      assertThat(exists(username)).as("no account for a refused request").isFalse();
    }
  }

  @Test
  void aBpoLeadCannotBeOnCall() {
    String vendor = world.vendor("UA-OC", null);
    Map<String, Object> body = user(world.unique("ua-oc").toLowerCase(), "BPO_LEAD", vendor);
    body.put("onCall", true);
    JsonNode problem = assertProblem(api.post(ADMIN, "/api/users", body), 422);
    assertThat(errorFields(problem)).containsExactly("onCall");
  }

  @Test
  void aWeakPasswordIs422NamingWhatIsMissing() {
    String username = world.unique("ua-weak").toLowerCase();
    Map<String, Object> body = user(username, "QA_ANALYST", null);
    body.put("password", "abcdefg");
    JsonNode problem = assertProblem(api.post(ADMIN, "/api/users", body), 422);
    assertThat(errorFields(problem)).containsOnly("password");
    List<String> messages = errorMessages(problem, "password");
    assertThat(messages)
        .anySatisfy(m -> assertThat(m).contains("10 characters"))
        .anySatisfy(m -> assertThat(m).contains("upper-case"))
        .anySatisfy(m -> assertThat(m).contains("digit"))
        .anySatisfy(m -> assertThat(m).contains("symbol"))
        .noneSatisfy(m -> assertThat(m).contains("lower-case"));
    assertThat(problem.toString()).doesNotContain("abcdefg");
    assertThat(exists(username)).isFalse();

    body.put("password", "x" + username + "X1!");
    JsonNode containsName = assertProblem(api.post(ADMIN, "/api/users", body), 422);
    assertThat(errorMessages(containsName, "password"))
        .anySatisfy(m -> assertThat(m).contains("user name"));
  }

  @Test
  void aBadUsernameIs422() {
    for (String username :
        List.of(
            "Upper-Case",
            "has space",
            "a",
            "-starts-with-dash",
            "x".repeat(65),
            "semi;colon",
            "ümlaut")) {
      JsonNode problem =
          assertProblem(api.post(ADMIN, "/api/users", user(username, "QA_ANALYST", null)), 422);
      assertThat(errorFields(problem)).as(username).containsExactly("username");
    }
  }

  @Test
  void missingFieldsAre422ListingEachField() {
    JsonNode problem = assertProblem(api.post(ADMIN, "/api/users", Map.of()), 422);
    assertThat(errorFields(problem)).contains("username", "password", "displayName", "role");
  }

  @Test
  void anUnknownPropertyIs400() {
    Map<String, Object> body = user(world.unique("ua-mass").toLowerCase(), "QA_ANALYST", null);
    body.put("groups", List.of("camunda-admin"));
    JsonNode problem = assertProblem(api.post(ADMIN, "/api/users", body), 400);
    assertThat(errorFields(problem)).containsExactly("groups");
    assertThat(exists((String) body.get("username"))).isFalse();
  }

  @Test
  void malformedJsonIs400() {
    assertProblem(
        api.postRaw(ADMIN, "/api/users", "{\"username\": \"ua-broken\",", "application/json"), 400);
    assertProblem(api.postRaw(ADMIN, "/api/users", "not json at all", "application/json"), 400);
    assertProblem(api.postRaw(ADMIN, "/api/users", "", "application/json"), 400);
  }

  @Test
  void anInvalidRoleIs422() {
    for (Object role : List.of("SUPERUSER", "admin", "", 0, 3, List.of("ADMIN"))) {
      Map<String, Object> body = user(world.unique("ua-role").toLowerCase(), "QA_ANALYST", null);
      body.put("role", role);
      JsonNode problem = assertProblem(api.post(ADMIN, "/api/users", body), 422);
      assertThat(errorFields(problem)).as("role %s", role).containsExactly("role");
      assertThat(exists((String) body.get("username"))).isFalse();
    }
  }

  @Test
  void aFieldOfTheWrongTypeIs422() {
    Map<String, Object> body = user(world.unique("ua-type").toLowerCase(), "QA_ANALYST", null);
    body.put("onCall", Map.of("yes", true));
    JsonNode problem = assertProblem(api.post(ADMIN, "/api/users", body), 422);
    assertThat(errorFields(problem)).containsExactly("onCall");
  }

  @Test
  void onlyAnAdministratorCreatesUsers() {
    String rm = world.user("ua-notadmin", "RELATIONSHIP_MANAGER", null);
    String username = world.unique("ua-byrm").toLowerCase();
    assertProblem(api.post(rm, "/api/users", user(username, "ADMIN", null)), 403);
    assertProblem(api.post(null, "/api/users", user(username, "ADMIN", null)), 401);
    assertThat(exists(username)).isFalse();
  }

  private Map<String, Object> user(String username, String role, String vendorId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("password", TestProperties.PASSWORD);
    body.put("displayName", "Rita Manager");
    body.put("role", role);
    if (vendorId != null) {
      body.put("vendorId", vendorId);
    }
    return body;
  }

  private boolean exists(String username) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from ACT_ID_USER where ID_ = ?", Integer.class, username);
    return count != null && count > 0;
  }
}
