package dev.steward.reliability;

import static dev.steward.support.Problems.assertNoLeak;
import static dev.steward.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.support.Api;
import dev.steward.support.PostgresIntegrationTest;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import dev.steward.vendor.VendorLifecycleProcess;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.impl.Constraint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Scenario 7 of operations.md: hostile input. Property-based fuzzing (quicktheories, fixed seed) of
 * every JSON endpoint of the API, enumerated from the handler mappings, and of the CSV import:
 * never a 5xx, never a stack trace, class name or SQL text, every refusal a problem detail, and
 * nothing stored by a refused request (row counts of every table compared around each request).
 * Also oversized bodies (413), XXE in BPMN and Java-serialized variables.
 */
@PostgresIntegrationTest
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

  private static final long SEED = 20261130L;
  private static final int EXAMPLES_PER_ENDPOINT = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Strings that have broken parsers, queries and pages elsewhere. */
  private static final List<String> HOSTILE_STRINGS =
      List.of(
          "",
          " ",
          "' OR '1'='1",
          "'; DROP TABLE vendor; --",
          "\" OR 1=1 --",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "${7*7}",
          "#{7*7}",
          "${jndi:ldap://127.0.0.1/a}",
          "../../../../etc/passwd",
          "%00",
          "\u0000",
          "\uFEFFBOM",
          "Zoë 👩‍💻 ﷽ 𝕏",
          "\u202Eevil",
          "a".repeat(5000),
          "P1",
          "APPROVE",
          "ADMIN",
          "2026-07-01",
          "2026-13-45T99:99:99Z",
          "NaN",
          "-0",
          "1e309",
          "true",
          "null",
          "camunda-admin");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  Api api;
  TestWorld world;
  String rm;
  String qa;
  String lead;
  String vendor;
  String taskId;
  JsonNode openApi;
  List<String> tables;

  @BeforeAll
  void world() {
    api = new Api(port);
    world = new TestWorld(api);
    rm = world.user("fuzz-rm", "RELATIONSHIP_MANAGER", null);
    qa = world.user("fuzz-qa", "QA_ANALYST", null);
    vendor = world.vendor("FUZZ", rm);
    lead = world.user("fuzz-lead", "BPO_LEAD", vendor);
    // a real task, so task completion is fuzzed through its form validation
    Api.Response filed = api.post(lead, "/api/escalations", TestWorld.escalationBody(vendor, "P3"));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String escalation = filed.json().path("id").asText();
    for (JsonNode task : api.get(rm, "/api/tasks").json()) {
      if (escalation.equals(task.path("businessKey").asText())) {
        taskId = task.path("id").asText();
      }
    }
    if (taskId == null) {
      // outside business hours the triage goes to whoever is on call: fuzz with an unknown id
      taskId = "fuzz-unknown-task";
    }
    openApi = api.get(null, "/v3/api-docs").json();
    tables =
        jdbc.queryForList(
            "select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_type = 'BASE TABLE' and table_name not in"
                + " ('flyway_schema_history', 'act_ge_property', 'act_ru_meter_log',"
                + " 'act_ru_task_meter_log')",
            String.class);
    assertThat(tables).contains("vendor", "escalation", "act_ru_execution");
  }

  // --- every JSON endpoint
  // ------------------------------------------------------------------------------------

  @Test
  void everyJsonEndpointRefusesHostileBodiesWithAProblemAndStoresNothing() {
    List<String> endpoints = jsonEndpoints();
    assertThat(endpoints).as("JSON endpoints found").hasSizeGreaterThan(10);
    List<String> fuzzed = new ArrayList<>();
    for (String endpoint : endpoints) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
      String path = concrete(pattern);
      String caller = callerFor(method, path);
      Map<String, String> fields = fieldsOf(pattern, method);
      qt().withFixedSeed(SEED)
          .withExamples(EXAMPLES_PER_ENDPOINT)
          .withShrinkCycles(10)
          .forAll(body(fields))
          .checkAssert(body -> assertSafe(caller, method, path, body, "application/json"));
      fuzzed.add(endpoint);
    }
    assertThat(fuzzed).hasSameSizeAs(endpoints);
  }

  @Test
  void theCsvImportRefusesHostileFilesWithAProblemAndStoresNothing() {
    String path = "/api/vendors/" + vendor + "/interactions";
    qt().withFixedSeed(SEED)
        .withExamples(50)
        .withShrinkCycles(10)
        .forAll(csv())
        .checkAssert(file -> assertSafe(rm, "POST", path, file, "text/csv"));
    // and as the vendor's lead, whose vendor comes from the account
    qt().withFixedSeed(SEED + 1)
        .withExamples(10)
        .withShrinkCycles(10)
        .forAll(csv())
        .checkAssert(file -> assertSafe(lead, "POST", path, file, "text/csv"));
  }

  // --- oversized bodies
  // ---------------------------------------------------------------------------------------

  @Test
  void aJsonBodyAboveOneMegabyteIsRefusedWith413AndNothingIsStored() throws Exception {
    Map<String, Object> vendorBody = new LinkedHashMap<>(TestWorld.vendorBody(world.unique("BIG")));
    vendorBody.put("name", "x".repeat(1_100_000));
    String big = JSON.writeValueAsString(vendorBody);
    long[] before = counts();

    Api.Response declared = api.postRaw(rm, "/api/vendors", big, "application/json");
    assertProblem(declared, 413);

    // the same without a Content-Length (chunked): counted while read
    HttpResponse<String> chunked =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/vendors"))
                    .header("Authorization", Api.basic(rm, TestProperties.PASSWORD))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertProblem(new Api.Response(chunked.statusCode(), chunked.body(), chunked), 413);
    assertThat(counts()).isEqualTo(before);

    // a body just under the limit is read (and refused for what it says, not for its size)
    vendorBody.put("name", "x".repeat(900_000));
    Api.Response under =
        api.postRaw(rm, "/api/vendors", JSON.writeValueAsString(vendorBody), "application/json");
    assertThat(under.status()).as(under.body()).isNotEqualTo(413).isLessThan(500);
  }

  @Test
  void theCsvImportKeepsItsOwnLargerLimit() {
    StringBuilder file =
        new StringBuilder(
            "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,"
                + "wait_seconds,abandoned,csat,nps,ces\n");
    int row = 0;
    while (file.length() < 1_500_000) {
      file.append("BIG-")
          .append(row++)
          .append(",agent.1,PHONE,2026-07-01T09:15:00Z,310,true,12,false,5,9,6\n");
    }
    Api.Response imported =
        api.send(
            rm,
            "POST",
            "/api/vendors/" + vendor + "/interactions",
            file.toString(),
            "text/csv",
            Map.of());
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("received").asInt()).isEqualTo(row);
  }

  // --- XXE and Java serialization
  // ----------------------------------------------------------------------------

  private static final String XXE_BPMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://steward.dev/xxe">
        <process id="xxe_process" name="&xxe;" isExecutable="true" camunda:historyTimeToLive="1">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  @Test
  void aBpmnWithAnExternalEntityIsRefusedByTheApiAndByTheEnginesParser() {
    String boundary = "----steward" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nxxe\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"xxe.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + XXE_BPMN
            + "\r\n--"
            + boundary
            + "--\r\n";
    Api.Response upload =
        api.send(
            TestProperties.ADMIN,
            "POST",
            "/engine-rest/deployment/create",
            body,
            "multipart/form-data; boundary=" + boundary,
            Map.of());
    assertProblem(upload, 403);

    // and if a model with an external entity ever reached the engine, its parser refuses it
    assertThatThrownBy(
            () ->
                Bpmn.readModelFromStream(
                    new ByteArrayInputStream(XXE_BPMN.getBytes(StandardCharsets.UTF_8))))
        .hasMessageNotContaining("root:");
    assertThatThrownBy(
            () ->
                repositoryService
                    .createDeployment()
                    .name("xxe")
                    .addString("xxe.bpmn", XXE_BPMN)
                    .deploy())
        .hasMessageNotContaining("root:");
    assertThat(repositoryService.createDeploymentQuery().deploymentName("xxe").count()).isZero();
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("xxe_process")
                .count())
        .isZero();
  }

  @Test
  void javaSerializedVariablesAreRefusedEvenForAnAdministrator() {
    String lifecycle =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(VendorLifecycleProcess.PROCESS_KEY)
            .processInstanceBusinessKey(vendor)
            .singleResult()
            .getId();
    // java.lang.String "pwned", serialized
    String serialized = "rO0ABXQABXB3bmVk";
    Map<String, Object> variable =
        Map.of(
            "value",
            serialized,
            "type",
            "Object",
            "valueInfo",
            Map.of(
                "objectTypeName",
                "java.lang.String",
                "serializationDataFormat",
                "application/x-java-serialized-object"));

    Api.Response put =
        api.put(
            TestProperties.ADMIN,
            "/engine-rest/process-instance/" + lifecycle + "/variables/fuzzSerialized",
            variable);
    assertThat(put.status()).as(put.body()).isBetween(400, 499);
    Api.Response modify =
        api.post(
            TestProperties.ADMIN,
            "/engine-rest/process-instance/" + lifecycle + "/variables",
            Map.of("modifications", Map.of("fuzzSerialized", variable)));
    assertThat(modify.status()).as(modify.body()).isBetween(400, 499);
    Api.Response start =
        api.post(
            TestProperties.ADMIN,
            "/engine-rest/process-definition/key/" + VendorLifecycleProcess.PROCESS_KEY + "/start",
            Map.of("businessKey", "fuzz-" + UUID.randomUUID(), "variables", Map.of("x", variable)));
    assertThat(start.status()).as(start.body()).isBetween(400, 499);
    if (!taskId.startsWith("fuzz-")) {
      Api.Response task =
          api.put(
              TestProperties.ADMIN,
              "/engine-rest/task/" + taskId + "/variables/fuzzSerialized",
              variable);
      assertThat(task.status()).as(task.body()).isBetween(400, 499);
    }
    assertThat(runtimeService.getVariable(lifecycle, "fuzzSerialized")).isNull();
    assertThat(runtimeService.createVariableInstanceQuery().variableName("fuzzSerialized").count())
        .isZero();
    assertThat(runtimeService.createVariableInstanceQuery().variableName("x").count()).isZero();
  }

  // --- the property
  // -------------------------------------------------------------------------------------------

  /** One hostile request: no 5xx, no leak, a refusal is a problem detail and changes no table. */
  private void assertSafe(String user, String method, String path, String body, String type) {
    long[] before = counts();
    Api.Response response = api.send(user, method, path, body, type, Map.of());
    String what =
        method + " " + path + " with " + abbreviate(body) + " → " + abbreviate(response.body());
    assertThat(response.status()).as(what).isLessThan(500);
    assertNoLeak(response);
    if (response.status() >= 400) {
      assertThat(response.contentType()).as(what).startsWith("application/problem+json");
      assertThat(response.json().path("status").asInt()).as(what).isEqualTo(response.status());
      assertThat(counts()).as("nothing stored by the refused %s", what).isEqualTo(before);
    }
  }

  private long[] counts() {
    String sql =
        String.join(
            " union all ",
            tables.stream().map(t -> "select '" + t + "' as t, count(*) as c from " + t).toList());
    return jdbc.queryForList(sql + " order by 1").stream()
        .mapToLong(row -> ((Number) row.get("c")).longValue())
        .toArray();
  }

  // --- generators
  // ---------------------------------------------------------------------------------------------

  /** A JSON value of any type, hostile where it can be, nested up to {@code depth}. */
  private static Gen<Object> value(int depth) {
    Gen<Object> strings = Generate.pick(HOSTILE_STRINGS).map(s -> (Object) s);
    Gen<Object> unicode = strings().allPossible().ofLengthBetween(0, 30).map(s -> (Object) s);
    Gen<Object> numbers =
        Generate.pick(
            Arrays.<Object>asList(
                0,
                -1,
                Integer.MAX_VALUE,
                Long.MIN_VALUE,
                new BigInteger("9".repeat(400)),
                new BigDecimal("1e400"),
                new BigDecimal("-1e-400"),
                0.1,
                1.5e300));
    Gen<Object> longsGen = longs().all().map(l -> (Object) l);
    Gen<Object> scalars =
        Generate.oneOf(
            strings,
            unicode,
            numbers,
            longsGen,
            Generate.booleans().map(b -> (Object) b),
            Generate.constant(() -> null));
    if (depth <= 0) {
      return scalars;
    }
    Gen<Object> list =
        in -> {
          int size = (int) in.next(Constraint.between(0, 4));
          List<Object> items = new ArrayList<>();
          for (int i = 0; i < size; i++) {
            items.add(value(depth - 1).generate(in));
          }
          return items;
        };
    Gen<Object> object =
        in -> {
          int size = (int) in.next(Constraint.between(0, 3));
          Map<String, Object> fields = new LinkedHashMap<>();
          for (int i = 0; i < size; i++) {
            fields.put(
                Generate.pick(HOSTILE_STRINGS).generate(in) + i, value(depth - 1).generate(in));
          }
          return fields;
        };
    return Generate.frequency(
        org.quicktheories.api.Pair.of(6, scalars),
        org.quicktheories.api.Pair.of(1, list),
        org.quicktheories.api.Pair.of(1, object));
  }

  /**
   * A request body for an endpoint whose request schema has these fields (name → OpenAPI type):
   * mostly an object with its own fields set to hostile values of any type (some left out, some
   * unknown added), sometimes a broken or odd document.
   */
  private static Gen<String> body(Map<String, String> fields) {
    List<String> names = new ArrayList<>(fields.keySet());
    Gen<String> mutatedObject =
        in -> {
          Map<String, Object> body = new LinkedHashMap<>();
          for (String name : names) {
            long choice = in.next(Constraint.between(0, 9));
            if (choice == 0) {
              continue; // left out
            }
            body.put(name, value(2).generate(in));
          }
          if (in.next(Constraint.between(0, 3)) == 0) {
            body.put(
                Generate.pick(List.of("unknownField", "__proto__", "constructor", "$where", "id"))
                    .generate(in),
                value(1).generate(in));
          }
          try {
            return JSON.writeValueAsString(body);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    Gen<String> broken =
        Generate.pick(
            List.of(
                "",
                "null",
                "[]",
                "\"text\"",
                "42",
                "{",
                "{\"a\":",
                "{\"a\":1,\"a\":2}",
                "{'single': 'quotes'}",
                "{\"a\":1}garbage",
                "[".repeat(3000) + "]".repeat(3000),
                "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
                "<?xml version=\"1.0\"?><a/>",
                "\u0000\u0001\u0002",
                "{\"n\": 1" + "0".repeat(2000) + "}",
                "{\"n\": 1e999999999}"));
    Gen<String> truncated =
        mutatedObject.zip(
            integers().between(0, 100),
            (json, percent) -> json.substring(0, json.length() * percent / 100));
    return Generate.frequency(
        org.quicktheories.api.Pair.of(6, mutatedObject),
        org.quicktheories.api.Pair.of(2, broken),
        org.quicktheories.api.Pair.of(1, truncated));
  }

  /** An interaction CSV with a valid header and hostile cells, quoting and line breaks. */
  private static Gen<String> csv() {
    String header =
        "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,"
            + "wait_seconds,abandoned,csat,nps,ces";
    List<String> cells =
        new ArrayList<>(
            List.of(
                "C-1",
                "agent.7",
                "PHONE",
                "2026-07-01T09:15:00+05:30",
                "310",
                "true",
                "12",
                "false",
                "5",
                "9",
                "6",
                "\"quoted, with comma\"",
                "\"unterminated",
                "\"\"\"",
                "=cmd|'/c calc'!A1",
                "-1",
                "99999999999999999999999",
                "1e308",
                "\r",
                "\uFEFF",
                "\u0000"));
    cells.addAll(HOSTILE_STRINGS.subList(0, 16));
    Gen<String> row =
        in -> {
          int columns = (int) in.next(Constraint.between(8, 13));
          List<String> values = new ArrayList<>();
          for (int i = 0; i < columns; i++) {
            values.add(Generate.pick(cells).generate(in));
          }
          return String.join(",", values);
        };
    return in -> {
      StringBuilder file = new StringBuilder();
      long variant = in.next(Constraint.between(0, 9));
      if (variant == 0) {
        file.append(Generate.pick(cells).generate(in)).append('\n');
      } else if (variant == 1) {
        file.append(header.toUpperCase().replace(",", ";")).append('\n');
      } else {
        file.append(header).append(in.next(Constraint.between(0, 1)) == 0 ? "\n" : "\r\n");
      }
      int rows = (int) in.next(Constraint.between(0, 5));
      for (int i = 0; i < rows; i++) {
        file.append(row.generate(in)).append('\n');
      }
      return file.toString();
    };
  }

  // --- the endpoints
  // ------------------------------------------------------------------------------------------

  /** Every mapped /api endpoint that takes a JSON body: "METHOD /api/pattern". */
  private List<String> jsonEndpoints() {
    TreeSet<String> endpoints = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              boolean csvOnly =
                  info.getConsumesCondition().getConsumableMediaTypes().stream()
                      .anyMatch(m -> m.toString().startsWith("text/csv"));
              if (csvOnly) {
                return;
              }
              info.getPatternValues().stream()
                  .filter(p -> p.startsWith("/api/"))
                  .forEach(
                      pattern ->
                          info.getMethodsCondition().getMethods().stream()
                              .filter(
                                  m ->
                                      m == RequestMethod.POST
                                          || m == RequestMethod.PUT
                                          || m == RequestMethod.PATCH)
                              .forEach(m -> endpoints.add(m.name() + " " + pattern)));
            });
    return new ArrayList<>(endpoints);
  }

  /** Real ids where the fuzz should get past the lookup: this test's vendor and task. */
  private String concrete(String pattern) {
    String path = pattern;
    if (path.startsWith("/api/vendors/{")) {
      path = path.replaceFirst("\\{[^}]+}", vendor);
    }
    if (path.startsWith("/api/tasks/{")) {
      path = path.replaceFirst("\\{[^}]+}", taskId);
    }
    return path.replaceAll("\\{[^}]+}", "fuzz-unknown-id");
  }

  /** The first of RM, admin, QA analyst and BPO lead the route lets in. */
  private String callerFor(String method, String path) {
    for (String user : new String[] {rm, TestProperties.ADMIN, qa, lead}) {
      if (api.send(user, method, path, "[]", "application/json", Map.of()).status() != 403) {
        return user;
      }
    }
    throw new AssertionError("nobody may call " + method + " " + path);
  }

  /** The request body's fields (name → type) from the OpenAPI description, if it names them. */
  private Map<String, String> fieldsOf(String pattern, String method) {
    JsonNode schema =
        openApi
            .path("paths")
            .path(pattern)
            .path(method.toLowerCase())
            .path("requestBody")
            .path("content")
            .path("application/json")
            .path("schema");
    if (schema.has("$ref")) {
      String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
      schema = openApi.path("components").path("schemas").path(name);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    schema
        .path("properties")
        .fields()
        .forEachRemaining(f -> fields.put(f.getKey(), f.getValue().path("type").asText("object")));
    if (fields.isEmpty()) {
      fields.put("value", "string");
    }
    return fields;
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "null";
    }
    return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text;
  }
}
