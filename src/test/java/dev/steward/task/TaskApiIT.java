package dev.steward.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.escalation.EscalationProcess;
import dev.steward.escalation.EscalationProcess.Elements;
import dev.steward.support.Api;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task API and the escalation API over real HTTP: who sees and completes which task, form
 * validation, conflicts (also under concurrency), idempotent filing and vendor scoping. Run on H2
 * and on PostgreSQL by the subclasses.
 */
abstract class TaskApiIT {

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String onCall;
  String vendorA;
  String leadA;
  String vendorB;
  String leadB;
  String qa;
  String executive;

  @BeforeEach
  void createWorld() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("rm", "RELATIONSHIP_MANAGER", null);
    onCall = world.onCallUser("oncall", "RELATIONSHIP_MANAGER");
    vendorA = world.vendor("TA", rm);
    vendorB = world.vendor("TB", rm);
    leadA = world.user("leada", "BPO_LEAD", vendorA);
    leadB = world.user("leadb", "BPO_LEAD", vendorB);
    qa = world.user("qa", "QA_ANALYST", null);
    executive = world.user("exec", "EXECUTIVE", null);
  }

  // --- listing and reading tasks
  // ---------------------------------------------------------------------------------

  @Test
  void theTaskListHasOnlyTasksTheCallerMayWorkOnWithTheirContext() {
    Filed filed = file(leadA, vendorA, "P2");

    List<JsonNode> mine = flow.tasks(filed.triager);
    JsonNode triage = flow.requireTask(filed.triager, filed.id, filed.triageKey);
    assertThat(triage.path("id").asText()).isNotBlank();
    assertThat(triage.path("name").asText()).startsWith("Triage escalation");
    assertThat(triage.path("processKey").asText()).isEqualTo(EscalationProcess.PROCESS_KEY);
    assertThat(triage.path("businessKey").asText()).isEqualTo(filed.id);
    assertThat(triage.path("processInstanceId").asText()).isEqualTo(filed.processInstanceId);
    assertThat(triage.path("vendorId").asText()).isEqualTo(vendorA);
    assertThat(Instant.parse(triage.path("created").asText())).isBeforeOrEqualTo(Instant.now());
    assertThat(Instant.parse(triage.path("due").asText()))
        .isEqualTo(filed.responseDueAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertEveryTaskIsWorkableBy(filed.triager, mine);

    for (String other :
        List.of(leadA, leadB, qa, executive, filed.triager.equals(rm) ? onCall : rm)) {
      List<JsonNode> theirs = flow.tasks(other);
      assertThat(theirs).as(other).noneMatch(t -> filed.id.equals(t.path("businessKey").asText()));
      assertEveryTaskIsWorkableBy(other, theirs);
    }

    // once it is triaged, the RM has the resolution and the lead nothing but their own vendor's
    // tasks
    triage(filed, "Looking into it.");
    JsonNode resolve = flow.requireTask(rm, filed.id, Elements.RESOLVE);
    assertThat(resolve.path("assignee").asText()).isEqualTo(rm);
    flow.completeOk(
        rm, resolve.path("id").asText(), Map.of("resolution", "Done.", "rootCause", "OTHER"));
    List<JsonNode> leadTasks = flow.tasks(leadA);
    assertThat(leadTasks).isNotEmpty().allMatch(t -> vendorA.equals(t.path("vendorId").asText()));
    assertThat(
            flow.requireTask(leadA, filed.id, Elements.CONFIRM_RESOLUTION)
                .path("assignee")
                .asText())
        .isEqualTo(leadA);
    assertThat(flow.tasks(leadB)).noneMatch(t -> filed.id.equals(t.path("businessKey").asText()));
  }

  @Test
  void aTaskShowsTheFieldsOfItsForm() {
    Filed filed = file(leadA, vendorA, "P2");
    JsonNode triage = flow.requireTask(filed.triager, filed.id, filed.triageKey);

    Api.Response detail = api.get(filed.triager, "/api/tasks/" + triage.path("id").asText());
    assertThat(detail.status()).as(detail.body()).isEqualTo(200);
    JsonNode task = detail.json();
    assertThat(task.path("id").asText()).isEqualTo(triage.path("id").asText());
    assertThat(task.path("processKey").asText()).isEqualTo(EscalationProcess.PROCESS_KEY);
    assertThat(task.path("businessKey").asText()).isEqualTo(filed.id);
    assertThat(task.path("vendorId").asText()).isEqualTo(vendorA);
    assertThat(task.path("formFields")).hasSize(1);
    JsonNode response = task.path("formFields").get(0);
    assertThat(response.path("key").asText()).isEqualTo("response");
    assertThat(response.path("label").asText()).isEqualTo("First response to the vendor");
    assertThat(response.path("type").asText()).isEqualTo("textarea");
    assertThat(response.path("required").asBoolean()).isTrue();
    assertThat(response.has("options")).isFalse();

    triage(filed, "On it.");
    JsonNode resolve = flow.requireTask(rm, filed.id, Elements.RESOLVE);
    JsonNode fields =
        api.get(rm, "/api/tasks/" + resolve.path("id").asText()).json().path("formFields");
    assertThat(keys(fields)).containsExactly("resolution", "rootCause", "rootCauseDetail");
    JsonNode rootCause = field(fields, "rootCause");
    assertThat(rootCause.path("type").asText()).isEqualTo("select");
    assertThat(rootCause.path("required").asBoolean()).isTrue();
    assertThat(rootCause.path("label").asText()).isEqualTo("Root cause");
    List<String> values = new ArrayList<>();
    rootCause.path("options").forEach(o -> values.add(o.path("value").asText()));
    assertThat(values)
        .containsExactly(
            "TRAINING_GAP",
            "PROCESS_GAP",
            "KNOWLEDGE_BASE",
            "TOOLING",
            "STAFFING",
            "PRODUCT_DEFECT",
            "POLICY",
            "CUSTOMER_ERROR",
            "OTHER");
    assertThat(rootCause.path("options").get(0).path("label").asText()).isEqualTo("Training gap");
    assertThat(field(fields, "resolution").path("required").asBoolean()).isTrue();
    assertThat(field(fields, "resolution").path("type").asText()).isEqualTo("textarea");
    assertThat(field(fields, "rootCauseDetail").path("required").asBoolean()).isFalse();

    flow.completeOk(
        rm, resolve.path("id").asText(), Map.of("resolution", "Done.", "rootCause", "POLICY"));
    JsonNode confirm = flow.requireTask(leadA, filed.id, Elements.CONFIRM_RESOLUTION);
    JsonNode confirmFields =
        api.get(leadA, "/api/tasks/" + confirm.path("id").asText()).json().path("formFields");
    assertThat(keys(confirmFields)).containsExactly("decision", "feedback");
    assertThat(field(confirmFields, "decision").path("type").asText()).isEqualTo("radio");
    assertThat(field(confirmFields, "decision").path("options").findValuesAsText("value"))
        .containsExactly("ACCEPTED", "REJECTED");
  }

  // --- who may work on a task
  // ------------------------------------------------------------------------------------

  @Test
  void anotherVendorsLeadCannotSeeOrCompleteTheTask() {
    Filed filed = file(leadA, vendorA, "P2");
    String triageId =
        flow.requireTask(filed.triager, filed.id, filed.triageKey).path("id").asText();
    triage(filed, "On it.");
    String resolveId = flow.requireTask(rm, filed.id, Elements.RESOLVE).path("id").asText();
    flow.completeOk(rm, resolveId, Map.of("resolution", "Done.", "rootCause", "TOOLING"));
    String confirmId =
        flow.requireTask(leadA, filed.id, Elements.CONFIRM_RESOLUTION).path("id").asText();

    assertNotFound(api.get(leadB, "/api/tasks/" + confirmId));
    assertNotFound(flow.complete(leadB, confirmId, Map.of("decision", "ACCEPTED")));
    // a completed task of another vendor is "not found" too, never "already completed"
    assertNotFound(api.get(leadB, "/api/tasks/" + triageId));
    assertNotFound(flow.complete(leadB, triageId, Map.of("response", "x")));
    assertNotFound(
        flow.complete(leadB, resolveId, Map.of("resolution", "x", "rootCause", "OTHER")));

    // nothing happened to the task
    assertThat(taskService.createTaskQuery().taskId(confirmId).count()).isEqualTo(1);
    assertThat(flow.escalation(leadA, filed.id).path("status").asText()).isEqualTo("RESOLVED");
    flow.completeOk(leadA, confirmId, Map.of("decision", "ACCEPTED"));
    assertThat(flow.escalation(leadA, filed.id).path("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void aUserWhoMayNotWorkOnATaskGetsNotFound() {
    Filed filed = file(leadA, vendorA, "P2");
    String triageId =
        flow.requireTask(filed.triager, filed.id, filed.triageKey).path("id").asText();

    for (String outsider : List.of(qa, executive, leadA, filed.triager.equals(rm) ? onCall : rm)) {
      assertNotFound(api.get(outsider, "/api/tasks/" + triageId));
      assertNotFound(flow.complete(outsider, triageId, Map.of("response", "Not mine to answer.")));
    }
    assertNotFound(api.get(rm, "/api/tasks/" + UUID.randomUUID()));
    assertNotFound(flow.complete(rm, UUID.randomUUID().toString(), Map.of("response", "x")));

    triage(filed, "Mine to answer.");
    String resolveId = flow.requireTask(rm, filed.id, Elements.RESOLVE).path("id").asText();
    // another RM is in the candidate group, but the task is assigned to the vendor's RM
    assertNotFound(api.get(onCall, "/api/tasks/" + resolveId));
    assertNotFound(
        flow.complete(onCall, resolveId, Map.of("resolution", "x", "rootCause", "OTHER")));
    assertNotFound(flow.complete(qa, resolveId, Map.of("resolution", "x", "rootCause", "OTHER")));
    assertThat(flow.escalation(rm, filed.id).path("respondedBy").asText()).isEqualTo(filed.triager);
  }

  // --- completing: validation
  // ------------------------------------------------------------------------------------

  @Test
  void aMissingRequiredFieldIsInvalidData() {
    Filed filed = file(leadA, vendorA, "P2");
    String triageId =
        flow.requireTask(filed.triager, filed.id, filed.triageKey).path("id").asText();

    for (Map<String, Object> body :
        List.of(
            Map.<String, Object>of(), Map.<String, Object>of("response", "   "), nullResponse())) {
      Api.Response missing = flow.complete(filed.triager, triageId, body);
      assertProblem(missing, 422);
      assertThat(Workflow.errorFields(missing)).containsExactly("response");
    }
    String stillOpen =
        flow.requireTask(filed.triager, filed.id, filed.triageKey).path("id").asText();
    assertThat(stillOpen).isEqualTo(triageId);

    triage(filed, "On it.");
    String resolveId = flow.requireTask(rm, filed.id, Elements.RESOLVE).path("id").asText();
    Api.Response bothMissing =
        flow.complete(rm, resolveId, Map.of("rootCauseDetail", "only the optional field"));
    assertProblem(bothMissing, 422);
    assertThat(Workflow.errorFields(bothMissing))
        .containsExactlyInAnyOrder("resolution", "rootCause");
    assertThat(taskService.createTaskQuery().taskId(resolveId).count()).isEqualTo(1);
  }

  @Test
  void aValueOutsideTheFormsOptionsOrOfTheWrongTypeIsInvalidData() {
    Filed filed = file(leadA, vendorA, "P2");
    String triageId =
        flow.requireTask(filed.triager, filed.id, filed.triageKey).path("id").asText();
    Api.Response number = flow.complete(filed.triager, triageId, Map.of("response", 42));
    assertProblem(number, 422);
    assertThat(Workflow.errorFields(number)).containsExactly("response");

    triage(filed, "On it.");
    String resolveId = flow.requireTask(rm, filed.id, Elements.RESOLVE).path("id").asText();
    Api.Response invalid =
        flow.complete(rm, resolveId, Map.of("resolution", "Done.", "rootCause", "BAD_LUCK"));
    assertProblem(invalid, 422);
    assertThat(Workflow.errorFields(invalid)).containsExactly("rootCause");
    Api.Response lowerCase =
        flow.complete(rm, resolveId, Map.of("resolution", "Done.", "rootCause", "tooling"));
    assertProblem(lowerCase, 422);
    assertThat(flow.escalation(rm, filed.id).path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(taskService.createTaskQuery().taskId(resolveId).count()).isEqualTo(1);
  }

  @Test
  void anUnknownFieldOrMalformedJsonIsABadRequest() {
    Filed filed = file(leadA, vendorA, "P2");
    String triageId =
        flow.requireTask(filed.triager, filed.id, filed.triageKey).path("id").asText();
    String path = "/api/tasks/" + triageId + "/complete";

    Api.Response unknown =
        flow.complete(filed.triager, triageId, Map.of("response", "Fine.", "status", "CLOSED"));
    assertProblem(unknown, 400);
    assertThat(Workflow.errorFields(unknown)).containsExactly("status");

    Api.Response malformed =
        api.postRaw(filed.triager, path, "{\"response\": \"unterminated", "application/json");
    assertProblem(malformed, 400);
    assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at com.fasterxml");
    assertProblem(api.postRaw(filed.triager, path, "[\"response\"]", "application/json"), 400);
    assertProblem(api.postRaw(filed.triager, path, "", "application/json"), 400);

    // the task is still open and still completes
    flow.completeOk(filed.triager, triageId, Map.of("response", "Fine."));
    assertThat(flow.escalation(leadA, filed.id).path("status").asText()).isEqualTo("IN_PROGRESS");
  }

  // --- completing: conflicts
  // -------------------------------------------------------------------------------------

  @Test
  void completingACompletedTaskIsAConflict() {
    Filed filed = file(leadA, vendorA, "P2");
    String triageId =
        flow.requireTask(filed.triager, filed.id, filed.triageKey).path("id").asText();
    flow.completeOk(filed.triager, triageId, Map.of("response", "First."));

    Api.Response again = flow.complete(filed.triager, triageId, Map.of("response", "Second."));
    assertProblem(again, 409);
    assertNotFound(api.get(filed.triager, "/api/tasks/" + triageId));
    JsonNode escalation = flow.escalation(leadA, filed.id);
    assertThat(escalation.path("response").asText()).isEqualTo("First.");
    assertThat(auditCount(filed.id, "ESCALATION_RESPONDED")).isEqualTo(1);
  }

  @Test
  void twoConcurrentCompletionsOfOneTaskCompleteItOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      Filed filed = file(leadA, vendorA, "P2");
      String triageId =
          flow.requireTask(filed.triager, filed.id, filed.triageKey).path("id").asText();
      List<Integer> triageStatuses =
          race(
              2,
              () ->
                  flow.complete(filed.triager, triageId, Map.of("response", "Me first.")).status());
      assertThat(triageStatuses).as("round %d, triage", round).containsExactlyInAnyOrder(204, 409);
      assertThat(flow.escalation(leadA, filed.id).path("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(auditCount(filed.id, "ESCALATION_RESPONDED")).isEqualTo(1);

      // an assigned task, too
      List<Task> resolves =
          taskService
              .createTaskQuery()
              .processInstanceId(filed.processInstanceId)
              .taskDefinitionKey(Elements.RESOLVE)
              .list();
      assertThat(resolves).as("exactly one resolution task").hasSize(1);
      String resolveId = resolves.get(0).getId();
      List<Integer> resolveStatuses =
          race(
              2,
              () ->
                  flow.complete(
                          rm, resolveId, Map.of("resolution", "Done.", "rootCause", "STAFFING"))
                      .status());
      assertThat(resolveStatuses)
          .as("round %d, resolve", round)
          .containsExactlyInAnyOrder(204, 409);
      assertThat(flow.escalation(leadA, filed.id).path("status").asText()).isEqualTo("RESOLVED");
      assertThat(
              taskService
                  .createTaskQuery()
                  .processInstanceId(filed.processInstanceId)
                  .taskDefinitionKey(Elements.CONFIRM_RESOLUTION)
                  .count())
          .isEqualTo(1);
      assertThat(auditCount(filed.id, "ESCALATION_RESOLVED")).isEqualTo(1);
    }
  }

  @Test
  void twoCandidatesRacingForAnUnassignedTaskCompleteItOnce() throws Exception {
    String secondExecutive = world.user("exec2", "EXECUTIVE", null);
    for (int round = 0; round < 3; round++) {
      Filed filed = file(leadA, vendorA, "P1");
      // the response SLA is breached: the triage is offered to every executive, assigned to none
      managementService.executeJob(
          managementService
              .createJobQuery()
              .processInstanceId(filed.processInstanceId)
              .activityId(Elements.TIMER_RESPONSE_BREACHED)
              .singleResult()
              .getId());
      JsonNode task = flow.requireTask(executive, filed.id, Elements.TRIAGE_AS_EXECUTIVE);
      assertThat(task.path("assignee").isNull()).isTrue();
      assertThat(
              flow.requireTask(secondExecutive, filed.id, Elements.TRIAGE_AS_EXECUTIVE)
                  .path("id")
                  .asText())
          .isEqualTo(task.path("id").asText());

      AtomicInteger party = new AtomicInteger();
      List<String> racers = List.of(executive, secondExecutive);
      List<Integer> statuses =
          race(
              2,
              () ->
                  flow.complete(
                          racers.get(party.getAndIncrement()),
                          task.path("id").asText(),
                          Map.of("response", "Mine."))
                      .status());
      assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(204, 409);

      JsonNode escalation = flow.escalation(leadA, filed.id);
      assertThat(escalation.path("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(escalation.path("respondedBy").asText()).isIn(executive, secondExecutive);
      assertThat(auditCount(filed.id, "ESCALATION_RESPONDED")).isEqualTo(1);
      assertThat(
              taskService
                  .createTaskQuery()
                  .processInstanceId(filed.processInstanceId)
                  .taskDefinitionKey(Elements.RESOLVE)
                  .count())
          .isEqualTo(1);
      // the loser asking again is told it is done, not that it never existed
      assertProblem(
          flow.complete(secondExecutive, task.path("id").asText(), Map.of("response", "Late.")),
          409);
    }
  }

  // --- filing: idempotency
  // ---------------------------------------------------------------------------------------

  @Test
  void theSameIdempotencyKeyFromTheSameUserFilesOnce() {
    String key = "key-" + UUID.randomUUID();
    Api.Response first = fileWithKey(leadA, vendorA, key);
    Api.Response second = fileWithKey(leadA, vendorA, key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    assertThat(second.json().path("processInstanceId").asText())
        .isEqualTo(first.json().path("processInstanceId").asText());
    assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(escalationRows(vendorA)).isEqualTo(1);
    assertThat(processInstances(vendorA)).isEqualTo(1);
  }

  @Test
  void theSameIdempotencyKeyFromAnotherUserFilesAnotherEscalation() {
    String key = "key-" + UUID.randomUUID();
    String secondLead = world.user("leada2", "BPO_LEAD", vendorA);
    Api.Response first = fileWithKey(leadA, vendorA, key);
    Api.Response other = fileWithKey(secondLead, vendorA, key);
    Api.Response byRm = fileWithKey(rm, vendorA, key);

    assertThat(List.of(first.status(), other.status(), byRm.status())).containsOnly(201);
    Set<String> ids =
        Set.of(
            first.json().path("id").asText(),
            other.json().path("id").asText(),
            byRm.json().path("id").asText());
    assertThat(ids).hasSize(3);
    assertThat(other.header("Idempotent-Replayed")).isEqualTo("false");
    assertThat(other.json().path("filedBy").asText()).isEqualTo(secondLead);
    assertThat(escalationRows(vendorA)).isEqualTo(3);
    assertThat(processInstances(vendorA)).isEqualTo(3);
  }

  @Test
  void tenConcurrentSubmitsWithOneKeyFileOneEscalation() throws Exception {
    for (int round = 0; round < 2; round++) {
      String key = "burst-" + round + "-" + UUID.randomUUID();
      List<Api.Response> responses = race(10, () -> fileWithKey(leadA, vendorA, key));

      assertThat(responses)
          .as("round %d: %s", round, responses)
          .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
      Set<String> ids = new HashSet<>();
      responses.forEach(r -> ids.add(r.json().path("id").asText()));
      assertThat(ids).as("round %d", round).hasSize(1);
      assertThat(
              responses.stream()
                  .filter(r -> "false".equals(r.header("Idempotent-Replayed")))
                  .count())
          .isEqualTo(1);
      assertThat(escalationRows(vendorA)).isEqualTo(round + 1);
      assertThat(processInstances(vendorA)).isEqualTo(round + 1);
      String id = ids.iterator().next();
      assertThat(
              jdbc.queryForObject(
                  "select escalation_id from escalation_idempotency_key where username = ? and idempotency_key = ?",
                  String.class,
                  leadA,
                  key))
          .isEqualTo(id);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from audit_event where action = 'ESCALATION_FILED' and subject_id = ?",
                  Integer.class,
                  id))
          .isEqualTo(1);
    }
  }

  @Test
  void staggeredSubmitsWithOneKeyFileOneEscalation() throws Exception {
    // requests arriving while the first one commits: each must either replay it or lose the race to
    // it
    for (int round = 0; round < 3; round++) {
      String key = "stagger-" + round + "-" + UUID.randomUUID();
      AtomicInteger arrival = new AtomicInteger();
      List<Api.Response> responses =
          race(
              12,
              () -> {
                sleep(arrival.getAndIncrement() * 15L);
                return fileWithKey(leadA, vendorA, key);
              });

      assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
      assertThat(responses.stream().map(r -> r.json().path("id").asText()).distinct())
          .as("round %d", round)
          .hasSize(1);
      assertThat(escalationRows(vendorA)).as("round %d", round).isEqualTo(round + 1);
      assertThat(processInstances(vendorA)).as("round %d", round).isEqualTo(round + 1);
    }
  }

  @Test
  void anIdempotencyKeyReplayedAfterTheEscalationMovedOnReturnsItsCurrentState() {
    String key = "key-" + UUID.randomUUID();
    Api.Response first = fileWithKey(leadA, vendorA, key);
    String id = first.json().path("id").asText();
    Filed filed = filed(first.json());
    triage(filed, "Answered.");

    Api.Response replay = fileWithKey(leadA, vendorA, key);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json().path("id").asText()).isEqualTo(id);
    assertThat(replay.json().path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(escalationRows(vendorA)).isEqualTo(1);
  }

  // --- filing: validation and scoping
  // ----------------------------------------------------------------------------

  @Test
  void malformedOrInvalidEscalationsAreRejectedAndNothingIsFiled() {
    assertProblem(
        api.postRaw(leadA, "/api/escalations", "{\"vendorId\": ", "application/json"), 400);

    Map<String, Object> unknown = body(vendorA, "P2");
    unknown.put("status", "CLOSED");
    Api.Response unknownProperty = api.post(leadA, "/api/escalations", unknown);
    assertProblem(unknownProperty, 400);
    assertThat(Workflow.errorFields(unknownProperty)).containsExactly("status");

    Api.Response p9 = api.post(leadA, "/api/escalations", body(vendorA, "P9"));
    assertProblem(p9, 422);
    assertThat(Workflow.errorFields(p9)).containsExactly("severity");

    Map<String, Object> blankTitle = body(vendorA, "P2");
    blankTitle.put("title", "  ");
    Api.Response blank = api.post(leadA, "/api/escalations", blankTitle);
    assertProblem(blank, 422);
    assertThat(Workflow.errorFields(blank)).containsExactly("title");

    Map<String, Object> missing = body(vendorA, "P2");
    missing.remove("severity");
    missing.remove("description");
    Api.Response missingFields = api.post(leadA, "/api/escalations", missing);
    assertProblem(missingFields, 422);
    assertThat(Workflow.errorFields(missingFields))
        .containsExactlyInAnyOrder("severity", "description");

    Map<String, Object> tooLong = body(vendorA, "P2");
    tooLong.put("title", "x".repeat(201));
    assertThat(
            Workflow.errorFields(assertProblem(api.post(leadA, "/api/escalations", tooLong), 422)))
        .containsExactly("title");

    Api.Response badKey =
        api.post(
            leadA,
            "/api/escalations",
            body(vendorA, "P2"),
            Map.of(IDEMPOTENCY_KEY, "has spaces in it"));
    assertProblem(badKey, 400);
    assertThat(Workflow.errorFields(badKey)).containsExactly(IDEMPOTENCY_KEY);

    Api.Response noVendor =
        api.post(rm, "/api/escalations", body(UUID.randomUUID().toString(), "P2"));
    assertProblem(noVendor, 422);
    assertThat(Workflow.errorFields(noVendor)).containsExactly("vendorId");

    assertThat(escalationRows(vendorA)).isZero();
    assertThat(processInstances(vendorA)).isZero();
  }

  @Test
  void aLeadCannotFileForAnotherVendor() {
    Api.Response response = api.post(leadA, "/api/escalations", body(vendorB, "P1"));
    assertNotFound(response);
    Api.Response withKey =
        api.post(
            leadA,
            "/api/escalations",
            body(vendorB, "P1"),
            Map.of(IDEMPOTENCY_KEY, "k-" + UUID.randomUUID()));
    assertNotFound(withKey);
    assertThat(escalationRows(vendorB)).isZero();
    assertThat(processInstances(vendorB)).isZero();
  }

  @Test
  void aLeadSeesOnlyTheirVendorsEscalationsAndTheFiltersWork() {
    Filed a1 = file(leadA, vendorA, "P2");
    Filed a2 = file(leadA, vendorA, "P3");
    Filed b1 = file(leadB, vendorB, "P1");
    Filed byRm = file(rm, vendorB, "P4");
    triage(a2, "Answered.");

    assertThat(ids(api.get(leadA, "/api/escalations"))).containsExactlyInAnyOrder(a1.id, a2.id);
    assertThat(api.get(leadA, "/api/escalations").json().findValuesAsText("vendorId"))
        .containsOnly(vendorA);
    assertThat(ids(api.get(leadB, "/api/escalations"))).containsExactlyInAnyOrder(b1.id, byRm.id);
    assertThat(ids(api.get(leadA, "/api/escalations?vendorId=" + vendorB))).isEmpty();

    assertNotFound(api.get(leadA, "/api/escalations/" + b1.id));
    assertNotFound(api.get(leadB, "/api/escalations/" + a1.id));
    assertNotFound(api.get(leadA, "/api/escalations/" + UUID.randomUUID()));
    assertThat(flow.escalation(leadA, a1.id).path("id").asText()).isEqualTo(a1.id);
    assertThat(flow.escalation(qa, b1.id).path("vendorId").asText()).isEqualTo(vendorB);

    // brand staff see every vendor; the filters narrow it down
    assertThat(ids(api.get(rm, "/api/escalations?vendorId=" + vendorA)))
        .containsExactlyInAnyOrder(a1.id, a2.id);
    assertThat(ids(api.get(executive, "/api/escalations?vendorId=" + vendorB)))
        .containsExactlyInAnyOrder(b1.id, byRm.id);
    assertThat(ids(api.get(rm, "/api/escalations?vendorId=" + vendorA + "&status=IN_PROGRESS")))
        .containsExactly(a2.id);
    assertThat(ids(api.get(rm, "/api/escalations?vendorId=" + vendorA + "&status=OPEN")))
        .containsExactly(a1.id);
    assertThat(ids(api.get(leadA, "/api/escalations?status=OPEN"))).containsExactly(a1.id);
    assertThat(ids(api.get(leadA, "/api/escalations?status=CLOSED"))).isEmpty();
    assertThat(ids(api.get(rm, "/api/escalations?status=OPEN")))
        .contains(a1.id, b1.id, byRm.id)
        .doesNotContain(a2.id);
    assertProblem(api.get(rm, "/api/escalations?status=NOT_A_STATUS"), 400);

    // newest first
    assertThat(ids(api.get(rm, "/api/escalations?vendorId=" + vendorA)))
        .containsExactly(a2.id, a1.id);
  }

  // --- helpers
  // ---------------------------------------------------------------------------------------------------

  /**
   * An escalation just filed, and who its triage is offered to (the RM in business hours, else on
   * call).
   */
  record Filed(
      String id,
      String processInstanceId,
      Instant responseDueAt,
      String triager,
      String triageKey) {}

  private Filed file(String user, String vendorId, String severity) {
    return filed(flow.fileOk(user, vendorId, severity));
  }

  private Filed filed(JsonNode json) {
    boolean within = json.path("withinBusinessHours").asBoolean();
    return new Filed(
        json.path("id").asText(),
        json.path("processInstanceId").asText(),
        Instant.parse(json.path("responseDueAt").asText()),
        within ? rm : onCall,
        within ? Elements.TRIAGE : Elements.TRIAGE_ON_CALL);
  }

  private void triage(Filed filed, String response) {
    String taskId = flow.requireTask(filed.triager, filed.id, filed.triageKey).path("id").asText();
    flow.completeOk(filed.triager, taskId, Map.of("response", response));
  }

  private Api.Response fileWithKey(String user, String vendorId, String key) {
    return api.post(user, "/api/escalations", body(vendorId, "P2"), Map.of(IDEMPOTENCY_KEY, key));
  }

  private static Map<String, Object> body(String vendorId, String severity) {
    return new LinkedHashMap<>(TestWorld.escalationBody(vendorId, severity));
  }

  private static Map<String, Object> nullResponse() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("response", null);
    return body;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs the call on {@code parties} threads released at the same moment; returns every result. */
  private static <T> List<T> race(int parties, Supplier<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(parties);
    try {
      CyclicBarrier start = new CyclicBarrier(parties);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < parties; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return call.get();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(90, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Every task in the list is assigned to the user, or unassigned and offered to them or one of
   * their groups.
   */
  private void assertEveryTaskIsWorkableBy(String user, List<JsonNode> tasks) {
    Set<String> groups = new HashSet<>();
    identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .forEach(groups::add);
    for (JsonNode summary : tasks) {
      Task task = taskService.createTaskQuery().taskId(summary.path("id").asText()).singleResult();
      assertThat(task).as("task %s of %s is open", summary, user).isNotNull();
      if (task.getAssignee() != null) {
        assertThat(task.getAssignee()).as("assignee of %s", summary).isEqualTo(user);
        continue;
      }
      List<IdentityLink> candidates =
          taskService.getIdentityLinksForTask(task.getId()).stream()
              .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
              .toList();
      assertThat(candidates)
          .as("%s may work on %s", user, summary)
          .anyMatch(l -> user.equals(l.getUserId()) || groups.contains(l.getGroupId()));
    }
  }

  private static List<String> keys(JsonNode fields) {
    List<String> keys = new ArrayList<>();
    fields.forEach(f -> keys.add(f.path("key").asText()));
    return keys;
  }

  private static JsonNode field(JsonNode fields, String key) {
    for (JsonNode f : fields) {
      if (key.equals(f.path("key").asText())) {
        return f;
      }
    }
    throw new AssertionError("no form field " + key + " in " + fields);
  }

  private static List<String> ids(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().findValuesAsText("id");
  }

  private static Api.Response assertProblem(Api.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
    assertThat(response.json().path("title").asText()).isNotBlank();
    assertThat(response.json().path("detail").asText()).isNotBlank();
    return response;
  }

  private static void assertNotFound(Api.Response response) {
    assertProblem(response, 404);
  }

  private int escalationRows(String vendorId) {
    return jdbc.queryForObject(
        "select count(*) from escalation where vendor_id = ?", Integer.class, vendorId);
  }

  private long processInstances(String vendorId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(EscalationProcess.PROCESS_KEY)
        .variableValueEquals("vendorId", vendorId)
        .count();
  }

  private int auditCount(String escalationId, String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where subject_type = 'escalation' and subject_id = ? and action = ?",
        Integer.class,
        escalationId,
        action);
  }
}
