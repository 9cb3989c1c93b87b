package dev.steward.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.escalation.EscalationProcess.Elements;
import dev.steward.support.Api;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation flow end to end: real users over real HTTP, the real delegates, the real SLA
 * decision table and the real engine. The job executor is off, so the tests fire timers and async
 * continuations themselves. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class EscalationFlowIT {

  /** The brand's business hours as application.yaml configures them (steward.brand). */
  private static final ZoneId BRAND_ZONE = ZoneId.of("Europe/Berlin");

  /** Wednesday 12:00 in Berlin (summer time). */
  private static final Instant WEDNESDAY_NOON = Instant.parse("2026-07-01T10:00:00Z");

  /** Wednesday 18:00 in Berlin: the end of the business day is exclusive. */
  private static final Instant WEDNESDAY_EVENING = Instant.parse("2026-07-01T16:00:00Z");

  /** Saturday 12:00 in Berlin. */
  private static final Instant SATURDAY_NOON = Instant.parse("2026-07-04T10:00:00Z");

  /** Wednesday 08:00 in Berlin (winter time): the start of the business day is inclusive. */
  private static final Instant WINTER_MORNING = Instant.parse("2026-01-14T07:00:00Z");

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired EscalationService escalationService;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdempotencyKeyRepository idempotencyKeys;
  @Autowired PlatformTransactionManager transactionManager;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String onCall;
  String executive;
  String vendorId;
  String lead;

  @BeforeEach
  void createWorld() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("rm", "RELATIONSHIP_MANAGER", null);
    vendorId = world.vendor("ESC", rm);
    lead = world.user("lead", "BPO_LEAD", vendorId);
    executive = world.user("exec", "EXECUTIVE", null);
    onCall = world.onCallUser("oncall", "RELATIONSHIP_MANAGER");
  }

  // --- filing
  // ----------------------------------------------------------------------------------------------------

  @Test
  void aLeadFilesAP2AndTheDecisionTableSetsItsDueDates() {
    Instant before = Instant.now();
    Api.Response response = flow.file(lead, vendorId, "P2");
    Instant after = Instant.now();

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode filed = response.json();
    String id = filed.path("id").asText();
    assertThat(id).isNotBlank();
    assertThat(response.header("Location")).endsWith("/api/escalations/" + id);
    assertThat(response.header("Idempotent-Replayed")).isEqualTo("false");
    assertThat(filed.path("vendorId").asText()).isEqualTo(vendorId);
    assertThat(filed.path("severity").asText()).isEqualTo("P2");
    assertThat(filed.path("status").asText()).isEqualTo("OPEN");
    assertThat(filed.path("tier").asInt()).isEqualTo(1);
    assertThat(filed.path("filedBy").asText()).isEqualTo(lead);
    assertThat(filed.path("processInstanceId").asText()).isNotBlank();
    Instant filedAt = instant(filed, "filedAt");
    assertThat(filedAt).isBetween(before.truncatedTo(ChronoUnit.MILLIS), after.plusMillis(1));
    assertThat(instant(filed, "responseDueAt")).isEqualTo(filedAt.plus(Duration.ofHours(4)));
    assertThat(instant(filed, "resolutionDueAt")).isEqualTo(filedAt.plus(Duration.ofHours(24)));
    assertThat(filed.path("withinBusinessHours").isBoolean())
        .as("routed before the answer")
        .isTrue();

    // what was stored says the same
    JsonNode stored = flow.escalation(lead, id);
    assertThat(stored.path("status").asText()).isEqualTo("OPEN");
    assertThat(instant(stored, "filedAt")).isCloseTo(filedAt, within(1, ChronoUnit.MILLIS));
    assertThat(Duration.between(instant(stored, "filedAt"), instant(stored, "responseDueAt")))
        .isEqualTo(Duration.ofHours(4));
    assertThat(Duration.between(instant(stored, "filedAt"), instant(stored, "resolutionDueAt")))
        .isEqualTo(Duration.ofHours(24));
    assertThat(stored.path("responseBreached").asBoolean()).isFalse();
    assertThat(stored.path("reminderSentAt").isNull()).isTrue();
  }

  @Test
  void theEscalationRowAndItsProcessInstanceAreCommittedTogether() {
    JsonNode filed = flow.fileOk(lead, vendorId, "P2");
    String id = filed.path("id").asText();
    String processInstanceId = filed.path("processInstanceId").asText();

    Map<String, Object> row =
        jdbc.queryForMap(
            "select vendor_id, status, filed_by, process_instance_id from escalation where id = ?",
            id);
    assertThat(row.get("process_instance_id")).isEqualTo(processInstanceId);
    assertThat(row.get("vendor_id")).isEqualTo(vendorId);
    assertThat(row.get("status")).isEqualTo("OPEN");
    assertThat(row.get("filed_by")).isEqualTo(lead);

    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    assertThat(instance).isNotNull();
    assertThat(instance.getBusinessKey()).isEqualTo(id);
    assertThat(instance.getProcessDefinitionId()).startsWith(EscalationProcess.PROCESS_KEY + ":");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count())
        .isEqualTo(1);

    Map<String, Object> variables = runtimeService.getVariables(processInstanceId);
    Instant filedAt = instant(filed, "filedAt");
    assertThat(variables)
        .containsEntry("escalationId", id)
        .containsEntry("vendorId", vendorId)
        .containsEntry("severity", "P2")
        .containsEntry("filedBy", lead)
        .containsEntry("relationshipManager", rm)
        .containsEntry("withinBusinessHours", filed.path("withinBusinessHours").asBoolean());
    assertThat(((Date) variables.get("responseDueAt")).toInstant())
        .isCloseTo(filedAt.plus(Duration.ofHours(4)), within(1, ChronoUnit.MILLIS));
    assertThat(((Date) variables.get("responseReminderAt")).toInstant())
        .isCloseTo(filedAt.plus(Duration.ofHours(3)), within(1, ChronoUnit.MILLIS));
    assertThat(((Date) variables.get("resolutionDueAt")).toInstant())
        .isCloseTo(filedAt.plus(Duration.ofHours(24)), within(1, ChronoUnit.MILLIS));

    assertThat(auditActions(id)).containsExactly("ESCALATION_FILED");
    assertThat(
            jdbc.queryForObject(
                "select actor from audit_event where subject_id = ? and action = 'ESCALATION_FILED'",
                String.class,
                id))
        .isEqualTo(lead);
  }

  @Test
  void whenTheProcessCannotStartNothingIsStoredAndTheIdempotencyKeyIsNotUsedUp() {
    String key = "retry-" + UUID.randomUUID();
    Map<String, String> headers = Map.of("Idempotency-Key", key);
    repositoryService.suspendProcessDefinitionByKey(EscalationProcess.PROCESS_KEY);
    Api.Response failed;
    try {
      failed =
          api.post(lead, "/api/escalations", TestWorld.escalationBody(vendorId, "P2"), headers);
    } finally {
      repositoryService.activateProcessDefinitionByKey(EscalationProcess.PROCESS_KEY);
    }

    assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);
    assertThat(failed.contentType()).startsWith("application/problem+json");
    assertThat(failed.body()).doesNotContain("Exception").doesNotContain("at dev.steward");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from escalation where vendor_id = ?", Integer.class, vendorId))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from escalation_idempotency_key where username = ? and idempotency_key = ?",
                Integer.class,
                lead,
                key))
        .isZero();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(EscalationProcess.PROCESS_KEY)
                .variableValueEquals("vendorId", vendorId)
                .count())
        .as("no escalation process (the vendor's lifecycle has the same variable)")
        .isZero();

    // the same request again, once the process can start, files it
    Api.Response retried =
        api.post(lead, "/api/escalations", TestWorld.escalationBody(vendorId, "P2"), headers);
    assertThat(retried.status()).as(retried.body()).isEqualTo(201);
    assertThat(retried.header("Idempotent-Replayed")).isEqualTo("false");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from escalation where vendor_id = ?", Integer.class, vendorId))
        .isEqualTo(1);
    assertThat(auditActions(retried.json().path("id").asText()))
        .containsExactly("ESCALATION_FILED");
  }

  @Test
  void everySeverityGetsTheDueDatesOfTheDecisionTable() {
    Map<String, long[]> hours =
        Map.of("P1", new long[] {1, 8}, "P3", new long[] {24, 72}, "P4", new long[] {72, 240});
    hours.forEach(
        (severity, expected) -> {
          JsonNode filed = flow.fileOk(lead, vendorId, severity);
          Instant filedAt = instant(filed, "filedAt");
          assertThat(filed.path("severity").asText()).isEqualTo(severity);
          assertThat(instant(filed, "responseDueAt"))
              .as(severity)
              .isEqualTo(filedAt.plus(Duration.ofHours(expected[0])));
          assertThat(instant(filed, "resolutionDueAt"))
              .as(severity)
              .isEqualTo(filedAt.plus(Duration.ofHours(expected[1])));
          // the reminder fires at 75 % of the response time
          Job reminder = job(filed.path("processInstanceId").asText(), Elements.TIMER_REMINDER);
          assertThat(reminder.getDuedate().toInstant())
              .as(severity)
              .isCloseTo(
                  filedAt.plus(Duration.ofMinutes(expected[0] * 45)), within(1, ChronoUnit.MILLIS));
        });
  }

  // --- routing
  // ---------------------------------------------------------------------------------------------------

  @Test
  void triageGoesToTheRelationshipManagerWithinBusinessHoursAndToOnCallOutside() {
    JsonNode filed = flow.fileOk(lead, vendorId, "P2");
    String id = filed.path("id").asText();
    JsonNode escalation = flow.escalation(rm, id);
    boolean within = brandBusinessHours(instant(escalation, "filedAt"));

    assertThat(escalation.path("withinBusinessHours").asBoolean())
        .as(
            "filed at %s (%s in Berlin)",
            escalation.path("filedAt").asText(), instant(escalation, "filedAt").atZone(BRAND_ZONE))
        .isEqualTo(within);
    assertTriageOfferedTo(id, within);
  }

  @Test
  void theRoutingFollowsTheBrandsLocalTimeOfFiling() {
    JsonNode filed = flow.fileOk(lead, vendorId, "P2");
    String id = filed.path("id").asText();
    String processInstanceId = filed.path("processInstanceId").asText();

    for (Instant filedAt :
        List.of(WEDNESDAY_NOON, WEDNESDAY_EVENING, SATURDAY_NOON, WINTER_MORNING)) {
      reroute(id, processInstanceId, filedAt);
      boolean within = brandBusinessHours(filedAt);
      assertThat(flow.escalation(lead, id).path("withinBusinessHours").asBoolean())
          .as("filed at %s", filedAt)
          .isEqualTo(within);
      assertTriageOfferedTo(id, within);
    }
    assertThat(brandBusinessHours(WEDNESDAY_NOON)).isTrue();
    assertThat(brandBusinessHours(WEDNESDAY_EVENING)).isFalse();
    assertThat(brandBusinessHours(SATURDAY_NOON)).isFalse();
    assertThat(brandBusinessHours(WINTER_MORNING)).isTrue();

    // on call answers an escalation filed outside business hours
    reroute(id, processInstanceId, SATURDAY_NOON);
    JsonNode task = flow.requireTask(onCall, id, Elements.TRIAGE_ON_CALL);
    flow.completeOk(
        onCall, task.path("id").asText(), Map.of("response", "On call here: we are on it."));

    JsonNode answered = flow.escalation(lead, id);
    assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(answered.path("respondedBy").asText()).isEqualTo(onCall);
    assertThat(answered.path("response").asText()).isEqualTo("On call here: we are on it.");
    // the vendor's RM resolves it the next morning
    assertThat(flow.task(rm, id, Elements.RESOLVE)).isPresent();
  }

  // --- the whole flow
  // --------------------------------------------------------------------------------------------

  @Test
  void triageResolveRejectResolveAgainAcceptCloses() {
    JsonNode filed = flow.fileOk(lead, vendorId, "P2");
    String id = filed.path("id").asText();
    String processInstanceId = filed.path("processInstanceId").asText();
    boolean within = flow.escalation(lead, id).path("withinBusinessHours").asBoolean();
    String triager = within ? rm : onCall;
    assertThat(flow.tasksOf(lead, id)).as("the lead has nothing to do yet").isEmpty();

    // triage: the first response
    JsonNode triage =
        flow.requireTask(triager, id, within ? Elements.TRIAGE : Elements.TRIAGE_ON_CALL);
    Instant beforeResponse = Instant.now();
    flow.completeOk(
        triager, triage.path("id").asText(), Map.of("response", "Looking into the refunds now."));
    JsonNode responded = flow.escalation(lead, id);
    assertThat(responded.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(responded.path("respondedBy").asText()).isEqualTo(triager);
    assertThat(responded.path("response").asText()).isEqualTo("Looking into the refunds now.");
    assertThat(instant(responded, "respondedAt"))
        .isAfterOrEqualTo(beforeResponse.truncatedTo(ChronoUnit.MILLIS));
    assertThat(responded.path("responseBreached").asBoolean()).isFalse();
    assertThat(responded.path("tier").asInt()).isEqualTo(1);

    // resolution by the vendor's RM
    JsonNode resolve = flow.requireTask(rm, id, Elements.RESOLVE);
    assertThat(instant(resolve, "due"))
        .isCloseTo(instant(filed, "resolutionDueAt"), within(1, ChronoUnit.MILLIS));
    flow.completeOk(
        rm,
        resolve.path("id").asText(),
        Map.of("resolution", "Refund job restarted.", "rootCause", "TOOLING"));
    JsonNode resolved = flow.escalation(lead, id);
    assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
    assertThat(resolved.path("rootCause").asText()).isEqualTo("TOOLING");
    assertThat(resolved.path("resolution").asText()).isEqualTo("Refund job restarted.");
    assertThat(resolved.path("resolvedAt").isNull()).isFalse();

    // the filer rejects the resolution
    assertThat(flow.task(rm, id, Elements.CONFIRM_RESOLUTION))
        .as("only the filer confirms")
        .isEmpty();
    JsonNode confirm = flow.requireTask(lead, id, Elements.CONFIRM_RESOLUTION);
    assertThat(confirm.path("name").asText()).isEqualTo("Confirm resolution");
    flow.completeOk(
        lead,
        confirm.path("id").asText(),
        Map.of("decision", "REJECTED", "feedback", "Still 12 refunds missing."));
    JsonNode reopened = flow.escalation(lead, id);
    assertThat(reopened.path("status").asText()).isEqualTo("REOPENED");
    assertThat(reopened.path("reopenCount").asInt()).isEqualTo(1);
    assertThat(reopened.path("closedAt").isNull()).isTrue();

    // resolved again, then accepted
    JsonNode resolveAgain = flow.requireTask(rm, id, Elements.RESOLVE);
    assertThat(resolveAgain.path("id").asText()).isNotEqualTo(resolve.path("id").asText());
    flow.completeOk(
        rm,
        resolveAgain.path("id").asText(),
        Map.of(
            "resolution",
            "Missing refunds paid by hand.",
            "rootCause",
            "PROCESS_GAP",
            "rootCauseDetail",
            "manual step"));
    JsonNode resolvedAgain = flow.escalation(lead, id);
    assertThat(resolvedAgain.path("status").asText()).isEqualTo("RESOLVED");
    assertThat(resolvedAgain.path("rootCause").asText()).isEqualTo("PROCESS_GAP");
    assertThat(resolvedAgain.path("rootCauseDetail").asText()).isEqualTo("manual step");
    assertThat(resolvedAgain.path("reopenCount").asInt()).isEqualTo(1);

    JsonNode confirmAgain = flow.requireTask(lead, id, Elements.CONFIRM_RESOLUTION);
    flow.completeOk(lead, confirmAgain.path("id").asText(), Map.of("decision", "ACCEPTED"));
    JsonNode closed = flow.escalation(lead, id);
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("closedAt").isNull()).isFalse();
    assertThat(instant(closed, "closedAt")).isAfterOrEqualTo(instant(closed, "resolvedAt"));
    assertThat(closed.path("reopenCount").asInt()).isEqualTo(1);
    assertThat(closed.path("respondedBy").asText()).isEqualTo(triager);

    // the process has ended at the regular end event
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .count())
        .isZero();
    HistoricProcessInstance history =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    assertThat(history.getEndTime()).isNotNull();
    assertThat(history.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(history.getEndActivityId()).isEqualTo(Elements.END_EVENT_CLOSED);
    assertThat(managementService.createJobQuery().processInstanceId(processInstanceId).count())
        .as("no timers left")
        .isZero();
    assertThat(flow.tasksOf(lead, id)).isEmpty();
    assertThat(flow.tasksOf(rm, id)).isEmpty();

    assertThat(auditActions(id))
        .containsExactly(
            "ESCALATION_FILED",
            "ESCALATION_RESPONDED",
            "ESCALATION_RESOLVED",
            "ESCALATION_REOPENED",
            "ESCALATION_RESOLVED",
            "ESCALATION_CLOSED");
    assertThat(auditActor(id, "ESCALATION_RESPONDED")).isEqualTo(triager);
    assertThat(auditActor(id, "ESCALATION_REOPENED")).isEqualTo(lead);
    assertThat(
            jdbc.queryForList(
                "select actor from audit_event where subject_id = ? and action = 'ESCALATION_RESOLVED'",
                String.class,
                id))
        .containsExactly(rm, rm);
    assertThat(auditActor(id, "ESCALATION_CLOSED")).isEqualTo("system");
    assertThat(
            jdbc.queryForObject(
                "select detail from audit_event where subject_id = ? and action = 'ESCALATION_REOPENED'",
                String.class,
                id))
        .isEqualTo("Still 12 refunds missing.");
  }

  @Test
  void anUnansweredConfirmationClosesTheEscalationAfterFiveDays() {
    JsonNode filed = flow.fileOk(lead, vendorId, "P3");
    String id = filed.path("id").asText();
    String processInstanceId = filed.path("processInstanceId").asText();
    triage(id, "Checking.");
    flow.completeOk(
        rm,
        flow.requireTask(rm, id, Elements.RESOLVE).path("id").asText(),
        Map.of("resolution", "Fixed.", "rootCause", "STAFFING"));
    assertThat(flow.task(lead, id, Elements.CONFIRM_RESOLUTION)).isPresent();

    Job expiry = job(processInstanceId, Elements.TIMER_CONFIRMATION_EXPIRED);
    assertThat(expiry.getDuedate().toInstant())
        .isAfter(Instant.now().plus(Duration.ofDays(5)).minus(Duration.ofMinutes(5)));
    managementService.executeJob(expiry.getId());

    JsonNode closed = flow.escalation(lead, id);
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("closedAt").isNull()).isFalse();
    assertThat(flow.tasksOf(lead, id)).isEmpty();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult()
                .getEndTime())
        .isNotNull();
    assertThat(auditActor(id, "ESCALATION_CLOSED")).isEqualTo("system");
  }

  @Test
  void optionalFieldsLeftEmptyInALaterRoundDoNotKeepTheEarlierRoundsValues() {
    JsonNode filed = flow.fileOk(lead, vendorId, "P2");
    String id = filed.path("id").asText();
    triage(id, "Looking.");

    flow.completeOk(
        rm,
        flow.requireTask(rm, id, Elements.RESOLVE).path("id").asText(),
        Map.of(
            "resolution",
            "Article fixed.",
            "rootCause",
            "KNOWLEDGE_BASE",
            "rootCauseDetail",
            "article KB-12"));
    assertThat(flow.escalation(lead, id).path("rootCauseDetail").asText())
        .isEqualTo("article KB-12");
    flow.completeOk(
        lead,
        flow.requireTask(lead, id, Elements.CONFIRM_RESOLUTION).path("id").asText(),
        Map.of("decision", "REJECTED", "feedback", "Agents still quote the old article."));

    // the second resolution names no detail, the second rejection gives no feedback
    flow.completeOk(
        rm,
        flow.requireTask(rm, id, Elements.RESOLVE).path("id").asText(),
        Map.of("resolution", "Agents retrained.", "rootCause", "TRAINING_GAP"));
    JsonNode resolvedAgain = flow.escalation(lead, id);
    assertThat(resolvedAgain.path("rootCause").asText()).isEqualTo("TRAINING_GAP");
    assertThat(resolvedAgain.path("rootCauseDetail").isNull())
        .as("detail of the first resolution: %s", resolvedAgain)
        .isTrue();
    flow.completeOk(
        lead,
        flow.requireTask(lead, id, Elements.CONFIRM_RESOLUTION).path("id").asText(),
        Map.of("decision", "REJECTED"));

    JsonNode reopenedTwice = flow.escalation(lead, id);
    assertThat(reopenedTwice.path("status").asText()).isEqualTo("REOPENED");
    assertThat(reopenedTwice.path("reopenCount").asInt()).isEqualTo(2);
    assertThat(
            jdbc.queryForList(
                "select detail from audit_event where subject_id = ? and action = 'ESCALATION_REOPENED' order by id",
                String.class,
                id))
        .containsExactly("Agents still quote the old article.", null);
    assertThat(auditActor(id, "ESCALATION_RESPONDED")).isNotEqualTo("system");
  }

  @Test
  void withinBusinessHoursTheVendorsRelationshipManagerAnswers() {
    JsonNode filed = flow.fileOk(lead, vendorId, "P1");
    String id = filed.path("id").asText();
    reroute(id, filed.path("processInstanceId").asText(), WEDNESDAY_NOON);

    JsonNode triage = flow.requireTask(rm, id, Elements.TRIAGE);
    assertThat(triage.path("assignee").asText()).isEqualTo(rm);
    assertThat(flow.tasksOf(onCall, id)).isEmpty();
    flow.completeOk(rm, triage.path("id").asText(), Map.of("response", "Your RM here."));

    JsonNode answered = flow.escalation(lead, id);
    assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(answered.path("respondedBy").asText()).isEqualTo(rm);
    assertThat(answered.path("withinBusinessHours").asBoolean()).isTrue();
    assertThat(auditActor(id, "ESCALATION_RESPONDED")).isEqualTo(rm);

    flow.completeOk(
        rm,
        flow.requireTask(rm, id, Elements.RESOLVE).path("id").asText(),
        Map.of("resolution", "Done.", "rootCause", "POLICY"));
    assertThat(auditActor(id, "ESCALATION_RESOLVED")).isEqualTo(rm);
  }

  @Test
  void aStoredIdempotencyKeyIsNeverPointedAtAnotherEscalation() {
    String key = "white-box-" + UUID.randomUUID();
    Api.Response first =
        api.post(
            lead,
            "/api/escalations",
            TestWorld.escalationBody(vendorId, "P2"),
            Map.of("Idempotency-Key", key));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String id = first.json().path("id").asText();

    // what a concurrent request does when the first one committed between its replay check and its
    // insert
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    tx ->
                        idempotencyKeys.saveAndFlush(
                            new IdempotencyKey(
                                lead, key, UUID.randomUUID().toString(), Instant.now()))))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(
            jdbc.queryForObject(
                "select escalation_id from escalation_idempotency_key where username = ? and idempotency_key = ?",
                String.class,
                lead,
                key))
        .isEqualTo(id);
  }

  // --- reminder and breaches
  // -------------------------------------------------------------------------------------

  @Test
  void theReminderIsSentOnceAndTheTriageStaysOpen() {
    JsonNode filed = flow.fileOk(lead, vendorId, "P2");
    String id = filed.path("id").asText();
    String processInstanceId = filed.path("processInstanceId").asText();
    Instant filedAt = instant(filed, "filedAt");

    Job timer = job(processInstanceId, Elements.TIMER_REMINDER);
    assertThat(timer.getDuedate().toInstant())
        .isCloseTo(filedAt.plus(Duration.ofHours(3)), within(1, ChronoUnit.MILLIS));
    managementService.executeJob(timer.getId());
    // the reminder is sent in a job of its own, so a failing mail server cannot roll back the timer
    assertThat(flow.escalation(lead, id).path("reminderSentAt").isNull()).isTrue();
    Job send = job(processInstanceId, Elements.SEND_REMINDER);
    Instant beforeSend = Instant.now();
    managementService.executeJob(send.getId());

    JsonNode reminded = flow.escalation(lead, id);
    Instant reminderSentAt = instant(reminded, "reminderSentAt");
    assertThat(reminderSentAt).isAfterOrEqualTo(beforeSend.truncatedTo(ChronoUnit.MILLIS));
    assertThat(reminded.path("status").asText()).isEqualTo("OPEN");
    assertThat(reminded.path("tier").asInt()).isEqualTo(1);
    assertThat(reminded.path("responseBreached").asBoolean()).isFalse();
    assertThat(openTriageTasks(processInstanceId)).hasSize(1);
    boolean within = reminded.path("withinBusinessHours").asBoolean();
    assertThat(
            flow.task(within ? rm : onCall, id, within ? Elements.TRIAGE : Elements.TRIAGE_ON_CALL))
        .isPresent();

    // neither job can run again; the breach timer still waits
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(Elements.TIMER_REMINDER)
                .count())
        .isZero();
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(Elements.SEND_REMINDER)
                .count())
        .isZero();
    assertThatThrownBy(() -> managementService.executeJob(send.getId()))
        .isInstanceOf(ProcessEngineException.class);
    assertThat(job(processInstanceId, Elements.TIMER_RESPONSE_BREACHED).getDuedate().toInstant())
        .isCloseTo(filedAt.plus(Duration.ofHours(4)), within(1, ChronoUnit.MILLIS));

    // recording the reminder again (a retried job) changes nothing
    escalationService.recordReminder(id);
    escalationService.recordReminder(id);
    assertThat(instant(flow.escalation(lead, id), "reminderSentAt")).isEqualTo(reminderSentAt);
    assertThat(auditActions(id)).containsExactly("ESCALATION_FILED", "ESCALATION_REMINDER_SENT");

    // the triage can still be completed in time
    triage(id, "On it.");
    JsonNode answered = flow.escalation(lead, id);
    assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(answered.path("responseBreached").asBoolean()).isFalse();
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(Elements.TIMER_RESPONSE_BREACHED)
                .count())
        .isZero();
  }

  @Test
  void aBreachedResponseSlaMovesTheEscalationUpToTheExecutives() {
    JsonNode filed = flow.fileOk(lead, vendorId, "P2");
    String id = filed.path("id").asText();
    String processInstanceId = filed.path("processInstanceId").asText();
    boolean within = flow.escalation(lead, id).path("withinBusinessHours").asBoolean();
    String triager = within ? rm : onCall;
    assertThat(flow.tasksOf(triager, id)).hasSize(1);

    Instant beforeBreach = Instant.now();
    managementService.executeJob(job(processInstanceId, Elements.TIMER_RESPONSE_BREACHED).getId());

    JsonNode breached = flow.escalation(lead, id);
    assertThat(breached.path("status").asText()).isEqualTo("ESCALATED");
    assertThat(breached.path("tier").asInt()).isEqualTo(2);
    assertThat(breached.path("responseBreached").asBoolean()).isTrue();
    assertThat(instant(breached, "responseBreachedAt"))
        .isAfterOrEqualTo(beforeBreach.truncatedTo(ChronoUnit.MILLIS));
    assertThat(breached.path("respondedAt").isNull()).isTrue();

    // the RM (or on call) no longer has the triage; the executives have it
    assertThat(flow.tasksOf(triager, id)).isEmpty();
    assertThat(flow.tasksOf(rm, id)).isEmpty();
    assertThat(flow.tasksOf(onCall, id)).isEmpty();
    assertThat(openTriageTasks(processInstanceId)).isEmpty();
    JsonNode executiveTriage = flow.requireTask(executive, id, Elements.TRIAGE_AS_EXECUTIVE);
    assertThat(executiveTriage.path("processKey").asText())
        .isEqualTo(EscalationProcess.PROCESS_KEY);
    assertThat(executiveTriage.path("vendorId").asText()).isEqualTo(vendorId);
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskCandidateGroup(EscalationProcess.Groups.EXECUTIVES)
                .count())
        .isEqualTo(1);
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(Elements.TIMER_REMINDER)
                .count())
        .as("the reminder is moot once breached")
        .isZero();
    assertThat(auditActions(id))
        .containsExactly("ESCALATION_FILED", "ESCALATION_RESPONSE_SLA_BREACHED");

    // recording the breach again changes nothing
    escalationService.recordResponseBreach(id);
    assertThat(instant(flow.escalation(lead, id), "responseBreachedAt"))
        .isEqualTo(instant(breached, "responseBreachedAt"));
    assertThat(auditActions(id))
        .containsExactly("ESCALATION_FILED", "ESCALATION_RESPONSE_SLA_BREACHED");

    // an executive answers; the breach stays on record
    flow.completeOk(
        executive,
        executiveTriage.path("id").asText(),
        Map.of("response", "I have called your account manager."));
    JsonNode answered = flow.escalation(lead, id);
    assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(answered.path("respondedBy").asText()).isEqualTo(executive);
    assertThat(answered.path("tier").asInt()).isEqualTo(2);
    assertThat(answered.path("responseBreached").asBoolean()).isTrue();
    assertThat(flow.task(rm, id, Elements.RESOLVE)).isPresent();
  }

  @Test
  void aBreachedResolutionSlaIsRecordedWhileTheRelationshipManagerKeepsWorking() {
    JsonNode filed = flow.fileOk(lead, vendorId, "P2");
    String id = filed.path("id").asText();
    String processInstanceId = filed.path("processInstanceId").asText();
    triage(id, "We are investigating.");
    JsonNode resolve = flow.requireTask(rm, id, Elements.RESOLVE);

    Job timer = job(processInstanceId, Elements.TIMER_RESOLUTION_BREACHED);
    assertThat(timer.getDuedate().toInstant())
        .isCloseTo(instant(filed, "resolutionDueAt"), within(1, ChronoUnit.MILLIS));
    managementService.executeJob(timer.getId());
    managementService.executeJob(job(processInstanceId, Elements.RECORD_RESOLUTION_BREACH).getId());

    JsonNode breached = flow.escalation(lead, id);
    assertThat(breached.path("resolutionBreached").asBoolean()).isTrue();
    assertThat(breached.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(breached.path("responseBreached").asBoolean()).isFalse();
    assertThat(flow.requireTask(rm, id, Elements.RESOLVE).path("id").asText())
        .isEqualTo(resolve.path("id").asText());
    escalationService.recordResolutionBreach(id);
    assertThat(auditActions(id))
        .containsExactly(
            "ESCALATION_FILED", "ESCALATION_RESPONDED", "ESCALATION_RESOLUTION_SLA_BREACHED");

    flow.completeOk(
        rm,
        resolve.path("id").asText(),
        Map.of("resolution", "Late, but fixed.", "rootCause", "KNOWLEDGE_BASE"));
    JsonNode resolved = flow.escalation(lead, id);
    assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
    assertThat(resolved.path("resolutionBreached").asBoolean()).isTrue();
    assertThat(resolved.path("rootCause").asText()).isEqualTo("KNOWLEDGE_BASE");
  }

  // --- helpers
  // ---------------------------------------------------------------------------------------------------

  /** Completes the open triage task as whoever it is offered to. */
  private void triage(String id, String response) {
    boolean within = flow.escalation(lead, id).path("withinBusinessHours").asBoolean();
    String triager = within ? rm : onCall;
    JsonNode task =
        flow.requireTask(triager, id, within ? Elements.TRIAGE : Elements.TRIAGE_ON_CALL);
    flow.completeOk(triager, task.path("id").asText(), Map.of("response", response));
  }

  /** Asserts that the triage is offered to exactly the right people for the routing. */
  private void assertTriageOfferedTo(String id, boolean withinBusinessHours) {
    if (withinBusinessHours) {
      JsonNode task = flow.requireTask(rm, id, Elements.TRIAGE);
      assertThat(task.path("assignee").asText()).isEqualTo(rm);
      assertThat(flow.tasksOf(onCall, id)).as("on call while the RM is at work").isEmpty();
    } else {
      JsonNode task = flow.requireTask(onCall, id, Elements.TRIAGE_ON_CALL);
      assertThat(task.path("assignee").isNull()).isTrue();
      assertThat(flow.tasksOf(rm, id)).as("the RM outside business hours").isEmpty();
    }
    assertThat(flow.tasksOf(executive, id)).isEmpty();
    assertThat(flow.tasksOf(lead, id)).isEmpty();
  }

  /**
   * Pretends the escalation was filed at another time and runs the real business-hours check again.
   */
  private void reroute(String id, String processInstanceId, Instant filedAt) {
    assertThat(
            jdbc.update(
                "update escalation set filed_at = ? where id = ?",
                java.sql.Timestamp.from(filedAt),
                id))
        .isEqualTo(1);
    ActivityInstance[] triage =
        runtimeService
            .getActivityInstance(processInstanceId)
            .getActivityInstances(Elements.TRIAGE_SUBPROCESS);
    assertThat(triage).hasSize(1);
    runtimeService
        .createProcessInstanceModification(processInstanceId)
        .startBeforeActivity(Elements.CHECK_BUSINESS_HOURS)
        .cancelActivityInstance(triage[0].getId())
        .execute();
  }

  private List<Task> openTriageTasks(String processInstanceId) {
    return taskService
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(Elements.TRIAGE, Elements.TRIAGE_ON_CALL)
        .list();
  }

  private Job job(String processInstanceId, String activityId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("job of %s", activityId).isNotNull();
    return job;
  }

  private List<String> auditActions(String escalationId) {
    return jdbc.queryForList(
        "select action from audit_event where subject_type = 'escalation' and subject_id = ? order by id",
        String.class,
        escalationId);
  }

  private String auditActor(String escalationId, String action) {
    return jdbc.queryForObject(
        "select actor from audit_event where subject_type = 'escalation' and subject_id = ? and action = ?",
        String.class,
        escalationId,
        action);
  }

  /** The brand's business hours, worked out here independently of the application's code. */
  static boolean brandBusinessHours(Instant instant) {
    ZonedDateTime berlin = instant.atZone(BRAND_ZONE);
    LocalTime time = berlin.toLocalTime();
    return berlin.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()
        && !time.isBefore(LocalTime.of(8, 0))
        && time.isBefore(LocalTime.of(18, 0));
  }

  static Instant instant(JsonNode node, String field) {
    JsonNode value = node.path(field);
    assertThat(value.isTextual()).as("%s in %s", field, node).isTrue();
    return Instant.parse(value.asText());
  }
}
