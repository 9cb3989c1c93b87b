package dev.steward.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.qa.AgentFlaggedForRefresher;
import dev.steward.support.Api;
import dev.steward.support.Problems;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import dev.steward.training.TrainingProcess.Elements;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agent training end to end: a cohort started as the vendor lifecycle starts it, trained and
 * certified over real HTTP (with a retake that passes and one that fails), the nesting timer fired
 * through the ManagementService, proficiency checked by the vendor's lead, speed to proficiency
 * stored; and a refresher started once from two identical QA events. Run on H2 and PostgreSQL.
 */
abstract class TrainingIT {

  private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactionManager;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String vendorId;
  String lead;
  String otherLead;

  @BeforeEach
  void createWorld() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("rm", "RELATIONSHIP_MANAGER", null);
    // partial involvement: the brand trains and certifies, the vendor's leads coach
    vendorId = vendor("TRN", "PARTIAL");
    lead = world.user("lead", "BPO_LEAD", vendorId);
    String otherVendor = world.vendor("TRN-OTHER", rm);
    otherLead = world.user("otherlead", "BPO_LEAD", otherVendor);
  }

  @Test
  void aCohortIsTrainedCertifiedWithARetakeNestedAndItsSpeedToProficiencyStored() {
    String cohortId = "cohort-" + UUID.randomUUID();
    List<String> agents = List.of("tr-1", "tr-2", "tr-3", "tr-4", "tr-5");
    String instanceId = startCohort(cohortId, agents);

    JsonNode opened = cohort(rm, cohortId);
    assertThat(opened.path("kind").asText()).isEqualTo("COHORT");
    assertThat(opened.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(opened.path("nestingPeriod").asText()).isEqualTo("P14D");
    assertThat(opened.path("agents").asInt()).isEqualTo(5);
    assertThat(opened.path("startedOn").asText()).isEqualTo(LocalDate.now(BOGOTA).toString());
    assertThat(stepKeys(opened)).containsExactly(Elements.RUN_UNBOXING);
    assertThat(flow.tasksOf(lead, cohortId)).isEmpty();

    flow.completeOk(
        rm, taskId(rm, cohortId, Elements.RUN_UNBOXING), Map.of("unboxingHeldOn", today()));
    flow.completeOk(
        rm,
        taskId(rm, cohortId, Elements.TRAIN_PRODUCT_AND_CULTURE),
        Map.of(
            "productTopicsCovered",
            List.of("PRODUCTS", "VALUES_AND_TONE"),
            "productTrainingHours",
            16));
    // the training owner of a partial-involvement vendor is the brand
    assertThat(flow.tasksOf(lead, cohortId)).isEmpty();
    flow.completeOk(
        rm,
        taskId(rm, cohortId, Elements.TRAIN_CONTACT_CENTER_SKILLS),
        Map.of("skillsCovered", List.of("COMMUNICATION", "ROLE_PLAYS"), "skillsTrainingHours", 24));
    runJobs(instanceId);

    // certification: tr-2 passes the retake, tr-3 fails it
    JsonNode outOfRange =
        Problems.assertProblem(
            flow.complete(
                rm,
                agentTask(rm, cohortId, Elements.TAKE_CERTIFICATION, "tr-1"),
                Map.of("certificationScore", 101)),
            422);
    assertThat(Problems.errorFields(outOfRange)).containsExactly("certificationScore");
    certify(cohortId, Elements.TAKE_CERTIFICATION, "tr-1", 90);
    certify(cohortId, Elements.TAKE_CERTIFICATION, "tr-2", 60);
    certify(cohortId, Elements.TAKE_CERTIFICATION, "tr-3", 50);
    certify(cohortId, Elements.TAKE_CERTIFICATION, "tr-4", 80);
    certify(cohortId, Elements.TAKE_CERTIFICATION, "tr-5", 99.5);
    JsonNode retakes = cohort(rm, cohortId);
    assertThat(stepAgents(retakes, Elements.RETAKE_CERTIFICATION)).containsExactly("tr-2", "tr-3");
    certify(cohortId, Elements.RETAKE_CERTIFICATION, "tr-2", 85);
    certify(cohortId, Elements.RETAKE_CERTIFICATION, "tr-3", 70);

    // the nesting period: a timer 14 days out, fired now
    Job nesting =
        managementService
            .createJobQuery()
            .processInstanceId(instanceId)
            .timers()
            .activityId(Elements.TIMER_NESTING_PERIOD)
            .singleResult();
    assertThat(nesting).as("nesting timer").isNotNull();
    assertThat(nesting.getDuedate().toInstant())
        .isCloseTo(Instant.now().plus(Duration.ofDays(14)), within(5, ChronoUnit.MINUTES));
    assertThat(cohort(rm, cohortId).path("certified").asInt()).isEqualTo(4);
    managementService.executeJob(nesting.getId());

    // the cohort started 30 days ago, as a cohort does by the end of nesting
    LocalDate startedOn = LocalDate.now(BOGOTA).minusDays(30);
    jdbc.update(
        "update training_cohort set started_on = ? where id = ?",
        java.sql.Date.valueOf(startedOn),
        cohortId);
    runtimeService.setVariable(
        instanceId, TrainingProcess.COHORT_STARTED_ON.name(), startedOn.toString());

    // proficiency: the coaching owner (the vendor's lead) checks every certified agent
    assertThat(taskKeys(lead, cohortId))
        .containsExactly(
            Elements.CHECK_PROFICIENCY,
            Elements.CHECK_PROFICIENCY,
            Elements.CHECK_PROFICIENCY,
            Elements.CHECK_PROFICIENCY);
    assertThat(flow.tasksOf(otherLead, cohortId)).isEmpty();
    String tr1 = agentTask(lead, cohortId, Elements.CHECK_PROFICIENCY, "tr-1");
    JsonNode tooEarly =
        Problems.assertProblem(
            flow.complete(
                lead,
                tr1,
                Map.of("proficient", "YES", "proficiencyDate", startedOn.minusDays(1).toString())),
            422);
    assertThat(Problems.errorFields(tooEarly)).containsExactly("proficiencyDate");
    Problems.assertProblem(flow.complete(lead, tr1, Map.of("proficient", "YES")), 422);
    Problems.assertProblem(flow.complete(lead, tr1, Map.of("proficient", "MAYBE")), 422);
    proficient(cohortId, "tr-1", startedOn.plusDays(16));
    proficient(cohortId, "tr-2", startedOn.plusDays(25));
    proficient(cohortId, "tr-4", startedOn.plusDays(19));
    String tr5 = agentTask(lead, cohortId, Elements.CHECK_PROFICIENCY, "tr-5");
    flow.completeOk(lead, tr5, Map.of("proficient", "NO"));
    runJobs(instanceId);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count())
        .as("cohort ended")
        .isZero();
    // days 16, 19, 25: median 19, mean 60 / 3 = 20
    Map<String, Object> stored =
        jdbc.queryForMap(
            "select proficient_agents, median_days_to_proficiency, mean_days_to_proficiency,"
                + " completed_at from training_cohort where id = ?",
            cohortId);
    assertThat(((Number) stored.get("proficient_agents")).intValue()).isEqualTo(3);
    assertThat(((Number) stored.get("median_days_to_proficiency")).doubleValue()).isEqualTo(19.0);
    assertThat(((Number) stored.get("mean_days_to_proficiency")).doubleValue()).isEqualTo(20.0);
    assertThat(stored.get("completed_at")).isNotNull();

    JsonNode done = cohort(lead, cohortId);
    assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("certified").asInt()).isEqualTo(4);
    assertThat(done.path("notCertified").asInt()).isEqualTo(1);
    assertThat(done.path("proficient").asInt()).isEqualTo(3);
    assertThat(done.path("medianDaysToProficiency").decimalValue()).isEqualByComparingTo("19.00");
    assertThat(done.path("meanDaysToProficiency").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(done.path("openSteps")).isEmpty();
    Map<String, JsonNode> byAgent = new LinkedHashMap<>();
    done.path("agentResults").forEach(a -> byAgent.put(a.path("agentId").asText(), a));
    assertThat(byAgent).containsOnlyKeys(agents);
    assertThat(byAgent.get("tr-1").path("status").asText()).isEqualTo("PROFICIENT");
    assertThat(byAgent.get("tr-1").path("daysToProficiency").asInt()).isEqualTo(16);
    assertThat(byAgent.get("tr-1").path("proficiencyDate").asText())
        .isEqualTo(startedOn.plusDays(16).toString());
    assertThat(byAgent.get("tr-1").path("proficiencyCheckedBy").asText()).isEqualTo(lead);
    JsonNode tr2Attempts = byAgent.get("tr-2").path("certificationAttempts");
    assertThat(tr2Attempts).hasSize(2);
    assertThat(tr2Attempts.get(0).path("score").decimalValue()).isEqualByComparingTo("60");
    assertThat(tr2Attempts.get(0).path("passed").asBoolean()).isFalse();
    assertThat(tr2Attempts.get(1).path("attempt").asInt()).isEqualTo(2);
    assertThat(tr2Attempts.get(1).path("score").decimalValue()).isEqualByComparingTo("85");
    assertThat(tr2Attempts.get(1).path("passed").asBoolean()).isTrue();
    assertThat(tr2Attempts.get(1).path("recordedBy").asText()).isEqualTo(rm);
    assertThat(byAgent.get("tr-2").path("daysToProficiency").asInt()).isEqualTo(25);
    assertThat(byAgent.get("tr-3").path("status").asText()).isEqualTo("NOT_CERTIFIED");
    assertThat(byAgent.get("tr-3").path("certificationAttempts")).hasSize(2);
    assertThat(byAgent.get("tr-3").path("daysToProficiency").isNull()).isTrue();
    assertThat(byAgent.get("tr-4").path("certificationAttempts")).hasSize(1);
    assertThat(byAgent.get("tr-5").path("status").asText()).isEqualTo("NOT_PROFICIENT");
    assertThat(
            byAgent.get("tr-5").path("certificationAttempts").get(0).path("score").decimalValue())
        .isEqualByComparingTo("99.50");

    // the vendor's list, scoped
    Api.Response list = api.get(lead, "/api/vendors/" + vendorId + "/training-cohorts");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json()).hasSize(1);
    assertThat(list.json().get(0).path("id").asText()).isEqualTo(cohortId);
    assertThat(list.json().get(0).path("meanDaysToProficiency").decimalValue())
        .isEqualByComparingTo("20");
    Problems.assertProblem(
        api.get(otherLead, "/api/vendors/" + vendorId + "/training-cohorts"), 404);
    Problems.assertProblem(api.get(otherLead, "/api/training-cohorts/" + cohortId), 404);
    Problems.assertProblem(api.get(rm, "/api/training-cohorts/no-such-cohort"), 404);
    Problems.assertProblem(api.get(null, "/api/training-cohorts/" + cohortId), 401);
  }

  @Test
  void aRefresherStartsOnceFromTwoIdenticalEventsAndEndsAfterReCertification() {
    String cycleId = "cycle-" + UUID.randomUUID().toString().substring(0, 8);
    AgentFlaggedForRefresher flagged =
        new AgentFlaggedForRefresher(vendorId, "tr-9", cycleId, Instant.now());
    TransactionTemplate qaTransaction = new TransactionTemplate(transactionManager);

    // QA publishes inside the transaction that closes the cycle; its job may run twice
    qaTransaction.executeWithoutResult(
        tx -> {
          events.publishEvent(flagged);
          events.publishEvent(flagged);
        });
    qaTransaction.executeWithoutResult(tx -> events.publishEvent(flagged));

    String key = TrainingService.refresherKey(cycleId, "tr-9");
    assertThat(key).isEqualTo("refresher:" + cycleId + ":tr-9");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(TrainingProcess.PROCESS_KEY)
                .processInstanceBusinessKey(key)
                .count())
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from training_cohort where id = ?", Integer.class, key))
        .isEqualTo(1);
    String instanceId =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .singleResult()
            .getId();
    runJobs(instanceId);

    JsonNode refresher = cohort(rm, key);
    assertThat(refresher.path("kind").asText()).isEqualTo("REFRESHER");
    assertThat(refresher.path("qaCycleId").asText()).isEqualTo(cycleId);
    assertThat(refresher.path("nestingPeriod").isNull()).isTrue();
    assertThat(stepKeys(refresher)).containsExactly(Elements.RUN_REFRESHER);
    flow.completeOk(
        rm,
        taskId(rm, key, Elements.RUN_REFRESHER),
        Map.of("refresherFocus", "Verification steps and the refund policy"));
    runJobs(instanceId);
    certify(key, Elements.TAKE_CERTIFICATION, "tr-9", 92);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count())
        .isZero();
    JsonNode done = cohort(lead, key);
    assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("agentResults").get(0).path("status").asText()).isEqualTo("CERTIFIED");
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instanceId)
                .activityId(Elements.TIMER_NESTING_PERIOD)
                .count())
        .isZero();

    // the same event after the refresher ended starts nothing either
    qaTransaction.executeWithoutResult(tx -> events.publishEvent(flagged));
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .count())
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where subject_id = ?"
                    + " and action = 'REFRESHER_TRAINING_REQUESTED' and detail like ?",
                Integer.class,
                vendorId,
                "%" + cycleId + "%"))
        .isEqualTo(1);
  }

  // --- helpers

  String vendor(String code, String involvement) {
    Map<String, Object> body = new LinkedHashMap<>(TestWorld.vendorBody(world.unique(code)));
    body.put("involvement", involvement);
    body.put("timeZone", "America/Bogota");
    Api.Response response = api.post(TestProperties.ADMIN, "/api/vendors", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().path("id").asText();
  }

  /** Starts a cohort as the vendor lifecycle does, and opens it. */
  String startCohort(String cohortId, List<String> agents) {
    VariableMap variables = Variables.createVariables();
    TrainingProcess.VENDOR_ID.on(variables, vendorId);
    TrainingProcess.AGENTS.on(variables, agents);
    String instanceId =
        runtimeService
            .startProcessInstanceByKey(TrainingProcess.PROCESS_KEY, cohortId, variables)
            .getId();
    runJobs(instanceId);
    return instanceId;
  }

  void runJobs(String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs =
          managementService
              .createJobQuery()
              .processInstanceId(processInstanceId)
              .executable()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  void certify(String cohortId, String taskKey, String agent, Number score) {
    flow.completeOk(
        rm, agentTask(rm, cohortId, taskKey, agent), Map.of("certificationScore", score));
    runJobs(instanceOf(cohortId));
  }

  void proficient(String cohortId, String agent, LocalDate since) {
    flow.completeOk(
        lead,
        agentTask(lead, cohortId, Elements.CHECK_PROFICIENCY, agent),
        Map.of("proficient", "YES", "proficiencyDate", since.toString()));
    runJobs(instanceOf(cohortId));
  }

  String instanceOf(String cohortId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(TrainingProcess.PROCESS_KEY)
        .processInstanceBusinessKey(cohortId)
        .list()
        .stream()
        .map(p -> p.getId())
        .findFirst()
        .orElse("-");
  }

  JsonNode cohort(String user, String cohortId) {
    Api.Response response = api.get(user, "/api/training-cohorts/" + cohortId);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  String taskId(String user, String cohortId, String taskKey) {
    return flow.requireTask(user, cohortId, taskKey).path("id").asText();
  }

  String agentTask(String user, String cohortId, String taskKey, String agent) {
    return flow.tasksOf(user, cohortId).stream()
        .filter(t -> taskKey.equals(t.path("taskKey").asText()))
        .map(t -> t.path("id").asText())
        .filter(id -> agent.equals(taskService.getVariable(id, TrainingProcess.AGENT_ID.name())))
        .findFirst()
        .orElseThrow(() -> new AssertionError(user + " has no " + taskKey + " for " + agent));
  }

  List<String> taskKeys(String user, String cohortId) {
    return flow.tasksOf(user, cohortId).stream().map(t -> t.path("taskKey").asText()).toList();
  }

  static String today() {
    return LocalDate.now(BOGOTA).toString();
  }

  static List<String> stepKeys(JsonNode cohort) {
    List<String> keys = new ArrayList<>();
    cohort.path("openSteps").forEach(s -> keys.add(s.path("taskKey").asText()));
    return keys;
  }

  static List<String> stepAgents(JsonNode cohort, String taskKey) {
    List<String> agents = new ArrayList<>();
    cohort
        .path("openSteps")
        .forEach(
            s -> {
              if (taskKey.equals(s.path("taskKey").asText())) {
                agents.add(s.path("agentId").asText());
              }
            });
    return agents;
  }
}
