package dev.steward.bulletin;

import static dev.steward.support.Problems.assertProblem;
import static dev.steward.support.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.bulletin.BulletinProcess.Elements;
import dev.steward.support.Api;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Change bulletins over real HTTP: an RM publishes to two vendors, each lead sees only their own
 * vendor's acknowledgment task and bulletin row, one acknowledges, the rates follow; a reminder
 * fires and is recorded once; the deadline records a miss. Run on H2 and PostgreSQL.
 */
abstract class ChangeBulletinIT {

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired BulletinService bulletinService;
  @Autowired JdbcTemplate jdbc;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String alphaId;
  String betaId;
  String alphaLead;
  String betaLead;

  @BeforeEach
  void createWorld() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("bul-rm", "RELATIONSHIP_MANAGER", null);
    alphaId = world.vendor("BUL-A", rm);
    betaId = world.vendor("BUL-B", rm);
    alphaLead = world.user("bul-lead-a", "BPO_LEAD", alphaId);
    betaLead = world.user("bul-lead-b", "BPO_LEAD", betaId);
  }

  @Test
  void publishedToTwoVendorsEachLeadSeesOnlyTheirOwnAndOneAcknowledges() {
    Instant dueAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Api.Response published =
        api.post(rm, "/api/bulletins", body("POLICY", List.of(alphaId, betaId), dueAt));
    assertThat(published.status()).as(published.body()).isEqualTo(201);
    JsonNode bulletin = published.json();
    String id = bulletin.path("id").asText();
    assertThat(published.header("Location")).endsWith("/api/bulletins/" + id);
    assertThat(bulletin.path("addressed").asInt()).isEqualTo(2);
    assertThat(bulletin.path("open").asInt()).isEqualTo(2);
    assertThat(bulletin.path("acknowledged").asInt()).isZero();
    assertThat(bulletin.path("acknowledgmentRate").decimalValue()).isEqualByComparingTo("0");
    assertThat(Instant.parse(bulletin.path("ackDueAt").asText())).isEqualTo(dueAt);
    assertThat(bulletin.path("publishedBy").asText()).isEqualTo(rm);

    // one instance per vendor, in the publishing transaction
    for (String vendor : List.of(alphaId, betaId)) {
      ProcessInstance instance = instance(id, vendor);
      assertThat(instance).as("instance for %s", vendor).isNotNull();
    }

    // each lead sees exactly their own vendor's acknowledgment task
    JsonNode alphaTask = onlyTask(alphaLead, id);
    assertThat(alphaTask.path("vendorId").asText()).isEqualTo(alphaId);
    assertThat(alphaTask.path("businessKey").asText()).isEqualTo(id + ":" + alphaId);
    JsonNode betaTask = onlyTask(betaLead, id);
    assertThat(betaTask.path("vendorId").asText()).isEqualTo(betaId);
    JsonNode detail = ok(api.get(alphaLead, "/api/tasks/" + alphaTask.path("id").asText()));
    assertThat(detail.path("formFields").findValuesAsText("key"))
        .containsExactly("acknowledged", "ackComment");
    // the other vendor's task is "not found" for a lead
    assertProblem(api.get(alphaLead, "/api/tasks/" + betaTask.path("id").asText()), 404);

    // each lead's bulletin view holds their own vendor only
    JsonNode alphaView = ok(api.get(alphaLead, "/api/bulletins/" + id));
    assertThat(alphaView.path("vendors")).hasSize(1);
    assertThat(alphaView.path("vendors").get(0).path("vendorId").asText()).isEqualTo(alphaId);
    assertThat(alphaView.path("addressed").asInt()).isEqualTo(1);
    assertThat(alphaView.toString()).doesNotContain(betaId);
    JsonNode alphaList = ok(api.get(alphaLead, "/api/bulletins"));
    assertThat(alphaList.findValuesAsText("id")).contains(id);
    assertThat(alphaList.toString()).doesNotContain(betaId);

    // an unticked box is refused, the task stays open
    Api.Response refused =
        flow.complete(alphaLead, alphaTask.path("id").asText(), Map.of("acknowledged", false));
    assertThat(errorFields(assertProblem(refused, 422))).containsExactly("acknowledged");
    onlyTask(alphaLead, id);

    // the alpha lead acknowledges
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    flow.completeOk(
        alphaLead,
        alphaTask.path("id").asText(),
        Map.of("acknowledged", true, "ackComment", "Team briefed at the 9:00 huddle"));
    assertThat(flow.tasks(alphaLead).stream().filter(t -> isOf(t, id))).isEmpty();

    JsonNode afterAck = ok(api.get(rm, "/api/bulletins/" + id));
    assertThat(afterAck.path("addressed").asInt()).isEqualTo(2);
    assertThat(afterAck.path("acknowledged").asInt()).isEqualTo(1);
    assertThat(afterAck.path("open").asInt()).isEqualTo(1);
    assertThat(afterAck.path("acknowledgmentRate").decimalValue()).isEqualByComparingTo("50.00");
    JsonNode alphaRow = row(afterAck, alphaId);
    assertThat(alphaRow.path("status").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(alphaRow.path("acknowledgedBy").asText()).isEqualTo(alphaLead);
    assertThat(alphaRow.path("acknowledgedByName").asText()).isEqualTo("bul-lead-a Tester");
    assertThat(Instant.parse(alphaRow.path("acknowledgedAt").asText())).isAfterOrEqualTo(before);
    assertThat(alphaRow.path("comment").asText()).isEqualTo("Team briefed at the 9:00 huddle");
    assertThat(row(afterAck, betaId).path("status").asText()).isEqualTo("OPEN");
    assertThat(
            ok(api.get(rm, "/api/bulletins")).findParents("id").stream()
                .filter(b -> b.path("id").asText().equals(id))
                .findFirst()
                .orElseThrow()
                .path("acknowledgmentRate")
                .decimalValue())
        .isEqualByComparingTo("50.00");

    // per vendor, across bulletins
    JsonNode alphaRate = ok(api.get(alphaLead, "/api/vendors/" + alphaId + "/bulletins"));
    assertThat(alphaRate.path("addressed").asInt()).isEqualTo(1);
    assertThat(alphaRate.path("acknowledgmentRate").decimalValue()).isEqualByComparingTo("100.00");
    JsonNode betaRate = ok(api.get(rm, "/api/vendors/" + betaId + "/bulletins"));
    assertThat(betaRate.path("acknowledgmentRate").decimalValue()).isEqualByComparingTo("0.00");
    assertProblem(api.get(alphaLead, "/api/vendors/" + betaId + "/bulletins"), 404);
    // the beta lead cannot read what was not addressed to them either (here: it was, so 200)
    assertThat(
            ok(api.get(betaLead, "/api/bulletins/" + id))
                .path("vendors")
                .get(0)
                .path("status")
                .asText())
        .isEqualTo("OPEN");
  }

  @Test
  void aReminderIsRecordedOnceEvenIfItsJobRunsTwiceAndTheDeadlineRecordsAMiss() {
    Instant dueAt = Instant.now().plus(3, ChronoUnit.DAYS);
    String id =
        ok201(api.post(rm, "/api/bulletins", body("STOCK_OUT", List.of(alphaId), dueAt)))
            .path("id")
            .asText();
    ProcessInstance instance = instance(id, alphaId);

    Job reminderTimer = job(instance, Elements.TIMER_REMINDER, true);
    managementService.executeJob(reminderTimer.getId());
    Job send = job(instance, Elements.SEND_REMINDER, false);
    String reminderKey = send.getExecutionId();
    managementService.executeJob(send.getId());
    // the same reminder again (a job that ran twice): nothing new
    assertThat(bulletinService.recordReminder(id, alphaId, reminderKey)).isFalse();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from bulletin_reminder where bulletin_id = ?", Integer.class, id))
        .isEqualTo(1);
    JsonNode reminded = row(ok(api.get(rm, "/api/bulletins/" + id)), alphaId);
    assertThat(reminded.path("reminders").asInt()).isEqualTo(1);
    assertThat(reminded.path("lastReminderAt").asText()).isNotBlank();
    assertThat(reminded.path("status").asText()).isEqualTo("OPEN");
    onlyTask(alphaLead, id);

    // the deadline passes
    managementService.executeJob(job(instance, Elements.TIMER_DEADLINE, true).getId());
    managementService.executeJob(job(instance, Elements.RECORD_MISSED, false).getId());
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    JsonNode missed = ok(api.get(rm, "/api/bulletins/" + id));
    assertThat(row(missed, alphaId).path("status").asText()).isEqualTo("MISSED");
    assertThat(row(missed, alphaId).path("missedAt").asText()).isNotBlank();
    assertThat(missed.path("missed").asInt()).isEqualTo(1);
    assertThat(missed.path("acknowledgmentRate").decimalValue()).isEqualByComparingTo("0.00");
    // no reminder once it is no longer open
    assertThat(bulletinService.recordReminder(id, alphaId, "late-reminder")).isFalse();
  }

  @Test
  void publishingIsValidatedAndOnlyForRmsAndAdmins() {
    Map<String, Object> bad = new LinkedHashMap<>(body("POLICY", List.of("no-such-vendor"), null));
    bad.put("ackDueAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
    JsonNode problem = assertProblem(api.post(rm, "/api/bulletins", bad), 422);
    assertThat(errorFields(problem)).containsExactly("vendorIds[0]", "ackDueAt");

    Map<String, Object> unknownKind = new LinkedHashMap<>(body("POLICY", List.of(alphaId), null));
    unknownKind.put("kind", "GOSSIP");
    assertThat(errorFields(assertProblem(api.post(rm, "/api/bulletins", unknownKind), 422)))
        .containsExactly("kind");
    Map<String, Object> noTitle = new LinkedHashMap<>(body("POLICY", List.of(alphaId), null));
    noTitle.put("title", " ");
    assertThat(api.post(rm, "/api/bulletins", noTitle).status()).isIn(400, 422);

    assertProblem(
        api.post(alphaLead, "/api/bulletins", body("POLICY", List.of(alphaId), null)), 403);
    assertProblem(api.get(alphaLead, "/api/bulletins/no-such-bulletin"), 404);

    // without vendorIds: every vendor whose lifecycle has not ended, ours among them
    JsonNode all = ok201(api.post(rm, "/api/bulletins", body("LAUNCH", null, null)));
    assertThat(all.path("addressed").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(all.path("vendors").findValuesAsText("vendorId")).contains(alphaId, betaId);
    assertThat(Instant.parse(all.path("ackDueAt").asText()))
        .isAfter(Instant.now().plus(13, ChronoUnit.DAYS));
    // a bulletin addressed to alpha only is not found for the beta lead
    String alphaOnly =
        ok201(api.post(rm, "/api/bulletins", body("PROMOTION", List.of(alphaId), null)))
            .path("id")
            .asText();
    assertProblem(api.get(betaLead, "/api/bulletins/" + alphaOnly), 404);
    assertThat(ok(api.get(betaLead, "/api/bulletins")).findValuesAsText("id"))
        .doesNotContain(alphaOnly);
  }

  private Map<String, Object> body(String kind, List<String> vendorIds, Instant dueAt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "Returns window extended");
    body.put("body", "From 1 August customers may return items within 60 days.\nUpdate macros.");
    body.put("kind", kind);
    if (vendorIds != null) {
      body.put("vendorIds", vendorIds);
    }
    body.put("effectiveAt", Instant.now().plus(10, ChronoUnit.DAYS).toString());
    if (dueAt != null) {
      body.put("ackDueAt", dueAt.toString());
    }
    return body;
  }

  private ProcessInstance instance(String bulletinId, String vendorId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(BulletinProcess.PROCESS_KEY)
        .processInstanceBusinessKey(BulletinProcess.businessKey(bulletinId, vendorId))
        .singleResult();
  }

  private Job job(ProcessInstance instance, String activityId, boolean timer) {
    var query = managementService.createJobQuery().processInstanceId(instance.getId());
    query = timer ? query.timers() : query.messages();
    Job job = query.activityId(activityId).singleResult();
    assertThat(job).as("job %s", activityId).isNotNull();
    return job;
  }

  private static boolean isOf(JsonNode task, String bulletinId) {
    return task.path("businessKey").asText().startsWith(bulletinId + ":");
  }

  private JsonNode onlyTask(String user, String bulletinId) {
    List<JsonNode> tasks = flow.tasks(user).stream().filter(t -> isOf(t, bulletinId)).toList();
    assertThat(tasks).as("%s's tasks of bulletin %s", user, bulletinId).hasSize(1);
    assertThat(tasks.get(0).path("taskKey").asText()).isEqualTo(Elements.ACKNOWLEDGE);
    return tasks.get(0);
  }

  private static JsonNode row(JsonNode bulletin, String vendorId) {
    for (JsonNode v : bulletin.path("vendors")) {
      if (vendorId.equals(v.path("vendorId").asText())) {
        return v;
      }
    }
    throw new AssertionError("no row for " + vendorId + " in " + bulletin);
  }

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode ok201(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }
}
