package dev.steward.vendor;

import static dev.steward.support.Problems.assertProblem;
import static dev.steward.support.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The vendor registry over real HTTP; run on H2 and on PostgreSQL by the subclasses. */
abstract class VendorApiIT {

  private static final String ADMIN = TestProperties.ADMIN;
  private static final List<String> REQUIRED =
      List.of("code", "name", "deliveryModel", "teamModel", "involvement", "timeZone", "languages");

  @LocalServerPort int port;

  Api api;
  TestWorld world;

  @BeforeEach
  void client() {
    api = new Api(port);
    world = new TestWorld(api);
  }

  @Test
  void registeringAVendorAnswers201WithItsIdLocationAndDefaults() {
    String rm = world.user("va-rm", "RELATIONSHIP_MANAGER", null);
    String code = world.unique("VA-MIN");
    Api.Response created = api.post(rm, "/api/vendors", TestWorld.vendorBody(code));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode vendor = created.json();
    String id = vendor.get("id").asText();
    assertThat(id).isNotBlank();
    assertThat(created.header("Location")).endsWith("/api/vendors/" + id);
    assertThat(vendor.get("code").asText()).isEqualTo(code);
    assertThat(vendor.get("name").asText()).isEqualTo("Vendor " + code);
    assertThat(vendor.get("deliveryModel").asText()).isEqualTo("OFFSHORE");
    assertThat(vendor.get("teamModel").asText()).isEqualTo("DEDICATED");
    assertThat(vendor.get("involvement").asText()).isEqualTo("PARTIAL");
    assertThat(vendor.get("timeZone").asText()).isEqualTo("Asia/Manila");
    assertThat(texts(vendor.get("languages"))).containsExactly("en", "tl");
    // the defaults of the optional profile fields
    assertThat(vendor.get("businessHoursStart").asText()).startsWith("08:00");
    assertThat(vendor.get("businessHoursEnd").asText()).startsWith("18:00");
    assertThat(texts(vendor.get("businessDays")))
        .containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
    assertThat(vendor.get("lifecyclePhase").asText()).isEqualTo("EVALUATION");
    assertThat(vendor.has("relationshipManager")).isTrue();
    assertThat(vendor.get("relationshipManager").isNull()).isTrue();
    assertThat(vendor.get("createdAt").asText()).endsWith("Z");

    Api.Response fetched =
        api.get(rm, created.header("Location").replaceFirst("^https?://[^/]+", ""));
    assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(vendor);
  }

  @Test
  void everyProfileFieldCanBeGiven() {
    String rm = world.user("va-full", "RELATIONSHIP_MANAGER", null);
    Map<String, Object> body = TestWorld.vendorBody(world.unique("VA-FULL"));
    body.put("deliveryModel", "NEARSHORE");
    body.put("teamModel", "SHARED");
    body.put("involvement", "HIGH");
    body.put("timeZone", "America/Mexico_City");
    body.put("languages", List.of("es-MX", "en"));
    body.put("businessHoursStart", "07:30");
    body.put("businessHoursEnd", "19:00");
    body.put("businessDays", List.of("SATURDAY", "MONDAY", "SUNDAY"));
    body.put("relationshipManager", rm);
    body.put("lifecyclePhase", "PILOT");

    Api.Response created = api.post(ADMIN, "/api/vendors", body);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode vendor = created.json();
    assertThat(vendor.get("deliveryModel").asText()).isEqualTo("NEARSHORE");
    assertThat(vendor.get("teamModel").asText()).isEqualTo("SHARED");
    assertThat(vendor.get("involvement").asText()).isEqualTo("HIGH");
    assertThat(vendor.get("timeZone").asText()).isEqualTo("America/Mexico_City");
    assertThat(texts(vendor.get("languages"))).as("sorted").containsExactly("en", "es-MX");
    assertThat(vendor.get("businessHoursStart").asText()).startsWith("07:30");
    assertThat(vendor.get("businessHoursEnd").asText()).startsWith("19:00");
    assertThat(texts(vendor.get("businessDays"))).containsExactly("MONDAY", "SATURDAY", "SUNDAY");
    assertThat(vendor.get("relationshipManager").asText()).isEqualTo(rm);
    assertThat(vendor.get("lifecyclePhase").asText()).isEqualTo("PILOT");

    JsonNode fetched = api.get(rm, "/api/vendors/" + vendor.get("id").asText()).json();
    assertThat(fetched).isEqualTo(vendor);
  }

  @Test
  void aDuplicateCodeIs409() {
    String code = world.unique("VA-DUP");
    assertThat(api.post(ADMIN, "/api/vendors", TestWorld.vendorBody(code)).status()).isEqualTo(201);
    Map<String, Object> again = TestWorld.vendorBody(code);
    again.put("name", "Another name");
    assertProblem(api.post(ADMIN, "/api/vendors", again), 409);
    long withCode = list(ADMIN).stream().filter(v -> v.get("code").asText().equals(code)).count();
    assertThat(withCode).isEqualTo(1);
  }

  @Test
  void anUnknownPropertyIs400() {
    Map<String, Object> body = TestWorld.vendorBody(world.unique("VA-UNK"));
    body.put("id", "chosen-by-the-client");
    JsonNode problem = assertProblem(api.post(ADMIN, "/api/vendors", body), 400);
    assertThat(errorFields(problem)).containsExactly("id");

    Map<String, Object> createdBy = TestWorld.vendorBody(world.unique("VA-UNK2"));
    createdBy.put("createdBy", "someone-else");
    assertProblem(api.post(ADMIN, "/api/vendors", createdBy), 400);
    assertThat(codes(list(ADMIN)))
        .doesNotContain((String) body.get("code"), (String) createdBy.get("code"));
  }

  @Test
  void missingRequiredFieldsAre422ListingEachField() {
    JsonNode problem = assertProblem(api.post(ADMIN, "/api/vendors", Map.of()), 422);
    assertThat(errorFields(problem)).containsAll(REQUIRED);

    for (String field : REQUIRED) {
      Map<String, Object> body = TestWorld.vendorBody(world.unique("VA-M"));
      body.remove(field);
      JsonNode one = assertProblem(api.post(ADMIN, "/api/vendors", body), 422);
      assertThat(errorFields(one)).as("without " + field).containsExactly(field);
    }

    Map<String, Object> blank = TestWorld.vendorBody(world.unique("VA-BL"));
    blank.put("name", "  ");
    blank.put("languages", List.of());
    assertThat(errorFields(assertProblem(api.post(ADMIN, "/api/vendors", blank), 422)))
        .containsExactlyInAnyOrder("name", "languages");
  }

  @Test
  void anInvalidTimeZoneIs422() {
    for (String zone : List.of("Mars/Olympus_Mons", "Europe/Nowhere", "not a zone", "+25:00")) {
      Map<String, Object> body = TestWorld.vendorBody(world.unique("VA-TZ"));
      body.put("timeZone", zone);
      JsonNode problem = assertProblem(api.post(ADMIN, "/api/vendors", body), 422);
      assertThat(errorFields(problem)).as(zone).containsExactly("timeZone");
    }
  }

  @Test
  void aBadLanguageTagIs422() {
    Map<String, Object> body = TestWorld.vendorBody(world.unique("VA-LANG"));
    body.put("languages", List.of("en", "english!"));
    JsonNode problem = assertProblem(api.post(ADMIN, "/api/vendors", body), 422);
    assertThat(errorFields(problem))
        .hasSize(1)
        .allSatisfy(f -> assertThat(f).startsWith("languages"));

    Map<String, Object> withNull = TestWorld.vendorBody(world.unique("VA-LNULL"));
    withNull.put("languages", Arrays.asList("en", null));
    JsonNode nullProblem = assertProblem(api.post(ADMIN, "/api/vendors", withNull), 422);
    assertThat(errorFields(nullProblem)).allSatisfy(f -> assertThat(f).startsWith("languages"));
  }

  @Test
  void invalidOptionalFieldsAre422() {
    Map<String, Object> hours = TestWorld.vendorBody(world.unique("VA-HRS"));
    hours.put("businessHoursStart", "18:00");
    hours.put("businessHoursEnd", "08:00");
    assertThat(errorFields(assertProblem(api.post(ADMIN, "/api/vendors", hours), 422)))
        .containsExactly("businessHoursEnd");

    Map<String, Object> time = TestWorld.vendorBody(world.unique("VA-TIME"));
    time.put("businessHoursStart", "8 am");
    assertThat(errorFields(assertProblem(api.post(ADMIN, "/api/vendors", time), 422)))
        .containsExactly("businessHoursStart");

    Map<String, Object> day = TestWorld.vendorBody(world.unique("VA-DAY"));
    day.put("businessDays", List.of("FUNDAY"));
    assertThat(errorFields(assertProblem(api.post(ADMIN, "/api/vendors", day), 422)))
        .allSatisfy(f -> assertThat(f).startsWith("businessDays"));

    Map<String, Object> nullDay = TestWorld.vendorBody(world.unique("VA-NDAY"));
    nullDay.put("businessDays", Arrays.asList("MONDAY", null));
    assertThat(errorFields(assertProblem(api.post(ADMIN, "/api/vendors", nullDay), 422)))
        .allSatisfy(f -> assertThat(f).startsWith("businessDays"));

    Map<String, Object> model = TestWorld.vendorBody(world.unique("VA-MODEL"));
    model.put("deliveryModel", "ON_THE_MOON");
    assertThat(errorFields(assertProblem(api.post(ADMIN, "/api/vendors", model), 422)))
        .containsExactly("deliveryModel");

    Map<String, Object> code = TestWorld.vendorBody("bad code!");
    assertThat(errorFields(assertProblem(api.post(ADMIN, "/api/vendors", code), 422)))
        .containsExactly("code");

    Map<String, Object> longName = TestWorld.vendorBody(world.unique("VA-LONG"));
    longName.put("name", "n".repeat(201));
    assertThat(errorFields(assertProblem(api.post(ADMIN, "/api/vendors", longName), 422)))
        .containsExactly("name");
  }

  @Test
  void theRelationshipManagerMustBeOne() {
    String qa = world.user("va-qa", "QA_ANALYST", null);
    for (String notAnRm : List.of(qa, "no-such-user", TestProperties.ADMIN)) {
      Map<String, Object> body = TestWorld.vendorBody(world.unique("VA-RM"));
      body.put("relationshipManager", notAnRm);
      JsonNode problem = assertProblem(api.post(ADMIN, "/api/vendors", body), 422);
      assertThat(errorFields(problem)).as(notAnRm).containsExactly("relationshipManager");
    }
  }

  @Test
  void everyErrorIsReportedAtOnce() {
    Map<String, Object> body = TestWorld.vendorBody(world.unique("VA-ALL"));
    body.put("timeZone", "Nowhere/Land");
    body.put("relationshipManager", "no-such-user");
    body.put("businessHoursStart", "20:00");
    JsonNode problem = assertProblem(api.post(ADMIN, "/api/vendors", body), 422);
    assertThat(errorFields(problem))
        .containsExactlyInAnyOrder("timeZone", "relationshipManager", "businessHoursEnd");
  }

  @Test
  void onlyRelationshipManagersAndAdministratorsRegisterVendors() {
    String vendor = world.vendor("VA-ROLE", null);
    for (String role : List.of("QA_ANALYST", "EXECUTIVE")) {
      String user = world.user("va-" + role.substring(0, 2), role, null);
      Map<String, Object> body = TestWorld.vendorBody(world.unique("VA-NO"));
      assertProblem(api.post(user, "/api/vendors", body), 403);
    }
    String lead = world.user("va-lead", "BPO_LEAD", vendor);
    assertProblem(api.post(lead, "/api/vendors", TestWorld.vendorBody(world.unique("VA-NO"))), 403);
  }

  @Test
  void listAndGet() {
    String rm = world.user("va-list", "RELATIONSHIP_MANAGER", null);
    String one = world.vendor("VA-L1", rm);
    String two = world.vendor("VA-L2", null);

    List<JsonNode> vendors = list(rm);
    assertThat(ids(vendors)).contains(one, two);

    Api.Response fetched = api.get(rm, "/api/vendors/" + one);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json().get("id").asText()).isEqualTo(one);
    assertThat(fetched.json().get("relationshipManager").asText()).isEqualTo(rm);

    for (String role : List.of("QA_ANALYST", "EXECUTIVE", "ADMIN")) {
      String user = world.user("va-l" + role.substring(0, 2), role, null);
      assertThat(ids(list(user))).as(role).contains(one, two);
      assertThat(api.get(user, "/api/vendors/" + two).status()).as(role).isEqualTo(200);
    }
  }

  @Test
  void aBpoLeadSeesOnlyTheirOwnVendor() {
    String a = world.vendor("VA-ISO-A", null);
    String b = world.vendor("VA-ISO-B", null);
    String lead = world.user("va-iso-lead", "BPO_LEAD", a);

    List<JsonNode> visible = list(lead);
    assertThat(ids(visible)).containsExactly(a);

    Api.Response own = api.get(lead, "/api/vendors/" + a);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("id").asText()).isEqualTo(a);

    JsonNode other = assertProblem(api.get(lead, "/api/vendors/" + b), 404);
    JsonNode missing = assertProblem(api.get(lead, "/api/vendors/no-such-vendor"), 404);
    // "not yours" and "not there" cannot be told apart
    assertThat(other.get("title")).isEqualTo(missing.get("title"));
    assertThat(other.get("detail").asText()).doesNotContain("another").doesNotContain("forbidden");

    String rm = world.user("va-iso-rm", "RELATIONSHIP_MANAGER", null);
    assertThat(ids(list(rm))).contains(a, b);
    assertThat(api.get(rm, "/api/vendors/" + a).status()).isEqualTo(200);
    assertThat(api.get(rm, "/api/vendors/" + b).status()).isEqualTo(200);
    assertProblem(api.get(rm, "/api/vendors/no-such-vendor"), 404);
  }

  private List<JsonNode> list(String user) {
    Api.Response response = api.get(user, "/api/vendors");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> vendors = new ArrayList<>();
    response.json().forEach(vendors::add);
    return vendors;
  }

  private static List<String> ids(List<JsonNode> vendors) {
    return vendors.stream().map(v -> v.get("id").asText()).toList();
  }

  private static List<String> codes(List<JsonNode> vendors) {
    return vendors.stream().map(v -> v.get("code").asText()).toList();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
