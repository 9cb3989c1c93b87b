package dev.steward.reliability;

import static dev.steward.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.escalation.EscalationProcess;
import dev.steward.support.Api;
import dev.steward.support.JobRunner;
import dev.steward.support.PostgresIntegrationTest;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import dev.steward.transition.TransitionProcess;
import dev.steward.vendor.VendorLifecycleMessages;
import dev.steward.vendor.VendorLifecycleProcess;
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
import java.util.function.IntFunction;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 4 of operations.md, on PostgreSQL over real HTTP: requests released at the same moment
 * by a barrier. Camunda's optimistic locking decides each race; the application turns the loser
 * into a 409 problem detail (same task), a replay (same idempotency key), a transparent retry
 * (another branch of the same parallel join) or a no-op (a message nobody waits for any more).
 */
@PostgresIntegrationTest
@Tag("reliability")
class RacesIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired VendorLifecycleMessages lifecycleMessages;
  @Autowired JdbcTemplate jdbc;

  Api api;
  Workflow flow;
  TestWorld world;
  JobRunner jobs;
  String rm;

  @BeforeEach
  void createWorld() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    jobs = new JobRunner(runtimeService, managementService);
    rm = world.user("race-rm", "RELATIONSHIP_MANAGER", null);
  }

  @Test
  void oneTaskCompletedByTwoUsersAtOnceIsCompletedOnceAndTheLoserGets409() throws Exception {
    String vendor = world.vendor("RACE-T", rm);
    String lead = world.user("race-lead", "BPO_LEAD", vendor);
    String erin = world.user("race-erin", "EXECUTIVE", null);
    String victor = world.user("race-victor", "EXECUTIVE", null);
    for (int round = 0; round < 3; round++) {
      JsonNode filed = flow.fileOk(lead, vendor, "P1");
      String escalation = filed.path("id").asText();
      String instance = filed.path("processInstanceId").asText();
      // the response SLA is breached: the triage is offered to every executive, assigned to none
      managementService.executeJob(
          managementService
              .createJobQuery()
              .processInstanceId(instance)
              .activityId(EscalationProcess.Elements.TIMER_RESPONSE_BREACHED)
              .singleResult()
              .getId());
      String task =
          flow.requireTask(erin, escalation, EscalationProcess.Elements.TRIAGE_AS_EXECUTIVE)
              .path("id")
              .asText();
      List<String> racers = List.of(erin, victor);

      List<Api.Response> responses =
          race(2, i -> flow.complete(racers.get(i), task, Map.of("response", "Mine " + i)));

      assertThat(responses.stream().map(Api.Response::status))
          .as("round %d: %s", round, responses)
          .containsExactlyInAnyOrder(204, 409);
      Api.Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().get();
      assertProblem(loser, 409);
      // the process advanced once: one response recorded, one resolution task
      JsonNode state = flow.escalation(lead, escalation);
      assertThat(state.path("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(state.path("respondedBy").asText()).isIn(erin, victor);
      assertThat(audits("ESCALATION_RESPONDED", escalation)).isEqualTo(1);
      assertThat(
              runtimeService
                  .createExecutionQuery()
                  .processInstanceId(instance)
                  .activityId(EscalationProcess.Elements.RESOLVE)
                  .count())
          .isEqualTo(1);
      assertThat(
              historyService
                  .createHistoricTaskInstanceQuery()
                  .processInstanceId(instance)
                  .taskDefinitionKey(EscalationProcess.Elements.TRIAGE_AS_EXECUTIVE)
                  .finished()
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void oneEscalationSubmittedTwiceInParallelWithOneIdempotencyKeyIsFiledOnce() throws Exception {
    String vendor = world.vendor("RACE-I", rm);
    String lead = world.user("race-ilead", "BPO_LEAD", vendor);
    for (int round = 0; round < 5; round++) {
      String key = "race-" + round + "-" + UUID.randomUUID();
      List<Api.Response> responses =
          race(
              2,
              i ->
                  api.post(
                      lead,
                      "/api/escalations",
                      TestWorld.escalationBody(vendor, "P3"),
                      Map.of("Idempotency-Key", key)));

      assertThat(responses)
          .as("round %d", round)
          .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
      Set<String> ids = new HashSet<>();
      Set<String> instances = new HashSet<>();
      responses.forEach(
          r -> {
            ids.add(r.json().path("id").asText());
            instances.add(r.json().path("processInstanceId").asText());
          });
      assertThat(ids).as("both answers point to one escalation").hasSize(1);
      assertThat(instances).hasSize(1);
      assertThat(responses.stream().map(r -> r.header("Idempotent-Replayed")))
          .containsExactlyInAnyOrder("true", "false");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from escalation where vendor_id = ?", Integer.class, vendor))
          .isEqualTo(round + 1);
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processDefinitionKey(EscalationProcess.PROCESS_KEY)
                  .processInstanceBusinessKey(ids.iterator().next())
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void aParallelJoinReachedByAllBranchesAtOnceJoinsOnceAndNoCompletionFails() throws Exception {
    String erin = world.user("race-jerin", "EXECUTIVE", null);
    String victor = world.user("race-jvictor", "EXECUTIVE", null);
    String outgoing = register("RACE-OUT");
    String successor = register("RACE-NEW");
    runLifecycleJobs(outgoing, successor);

    Api.Response proposed =
        api.post(
            rm,
            "/api/vendors/" + outgoing + "/transitions",
            Map.of("reason", "Race test", "successorVendorId", successor, "newEvaluation", false));
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    String transition = proposed.json().path("id").asText();
    Map<String, Object> approve =
        Map.of("approvalDecision", "APPROVE", "approvalReason", "Read the proposal");
    flow.completeOk(
        erin,
        flow.requireTask(erin, transition, TransitionProcess.Elements.FIRST_APPROVAL)
            .path("id")
            .asText(),
        approve);
    flow.completeOk(
        victor,
        flow.requireTask(victor, transition, TransitionProcess.Elements.SECOND_APPROVAL)
            .path("id")
            .asText(),
        approve);
    runLifecycleJobs(outgoing, successor);
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(TransitionProcess.PROCESS_KEY)
            .processInstanceBusinessKey(transition)
            .singleResult()
            .getId();

    // the four branches of the plan, completed at the same moment by the RM
    Map<String, Map<String, Object>> checklists = new LinkedHashMap<>();
    checklists.put(
        TransitionProcess.Elements.KNOWLEDGE_TRANSFER,
        Map.of(
            "knowledgeTransferred",
            List.of("SOPS", "MACROS", "OPEN_CASES", "ESCALATION_CONTACTS", "TRAINING_MATERIAL")));
    checklists.put(
        TransitionProcess.Elements.CUSTOMER_COMMUNICATION,
        Map.of(
            "customerCommunicationPlanned",
            List.of("MESSAGE_APPROVED", "ROUTING_PLANNED", "FAQ_UPDATED", "DATES_PUBLISHED")));
    checklists.put(
        TransitionProcess.Elements.ACCESS_REVOCATION,
        Map.of(
            "accessRevocationPlanned",
            List.of("CRM", "TELEPHONY", "TICKETING", "KNOWLEDGE_BASE", "SINGLE_SIGN_ON")));
    checklists.put(
        TransitionProcess.Elements.CONTRACT_NOTICE,
        Map.of(
            "contractNoticeGiven",
            List.of("NOTICE_SENT", "EXIT_TERMS_CONFIRMED", "FINAL_INVOICE_AGREED")));
    List<String> keys = new ArrayList<>(checklists.keySet());
    List<String> taskIds =
        keys.stream().map(k -> flow.requireTask(rm, transition, k).path("id").asText()).toList();

    List<Api.Response> responses =
        race(keys.size(), i -> flow.complete(rm, taskIds.get(i), checklists.get(keys.get(i))));

    // no branch's completion is refused for another branch's: the losers were retried
    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(204));
    // joined once: one token after the join, waiting at the parallel-run timer
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId(TransitionProcess.Elements.START_PARALLEL_RUN)
                .count())
        .isEqualTo(1);
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(instance)
                .timers()
                .activityId(TransitionProcess.Elements.TIMER_PARALLEL_RUN_ENDED)
                .count())
        .isEqualTo(1);
    assertThat(
            runtimeService
                .createExecutionQuery()
                .processInstanceId(instance)
                .activityId(TransitionProcess.Elements.GATEWAY_PLAN_JOIN)
                .count())
        .as("no token left waiting at the join")
        .isZero();
    assertThat(runtimeService.getActiveActivityIds(instance))
        .containsExactly(TransitionProcess.Elements.TIMER_PARALLEL_RUN_ENDED);
    Api.Response state = api.get(rm, "/api/transitions/" + transition);
    assertThat(state.json().path("status").asText()).isEqualTo("PARALLEL_RUN");
    for (String key : keys) {
      assertThat(
              historyService
                  .createHistoricTaskInstanceQuery()
                  .processInstanceId(instance)
                  .taskDefinitionKey(key)
                  .finished()
                  .count())
          .as(key)
          .isEqualTo(1);
    }
  }

  @Test
  void oneMessageCorrelatedTwiceAtOnceIsHandledOnce() throws Exception {
    for (int round = 0; round < 3; round++) {
      String vendor = world.vendor("RACE-M" + round, rm);
      runLifecycleJobs(vendor);
      String lifecycle = lifecycle(vendor);
      assertThat(runtimeService.getActiveActivityIds(lifecycle))
          .containsExactly(VendorLifecycleProcess.Elements.GATEWAY_AWAIT_SELECTION);
      assertThat(
              runtimeService
                  .createEventSubscriptionQuery()
                  .processInstanceId(lifecycle)
                  .eventType("message")
                  .eventName(VendorLifecycleProcess.MSG_SELECTED_FOR_PILOT)
                  .count())
          .isEqualTo(1);

      List<Object> outcomes =
          race(
              2,
              i -> {
                try {
                  return lifecycleMessages.tell(
                      VendorLifecycleProcess.MSG_SELECTED_FOR_PILOT, vendor, Map.of());
                } catch (OptimisticLockingException lost) {
                  return lost;
                } catch (ProcessEngineException lost) {
                  // found the subscription, then the other delivery removed it before this one
                  // triggered it: the engine refuses (nothing changed, the caller's transaction
                  // rolls back like on an optimistic-locking loss)
                  if (String.valueOf(lost.getMessage()).contains("does not have a subscription")) {
                    return lost;
                  }
                  throw lost;
                }
              });

      // one delivery; the other found nothing waiting any more, lost the optimistic lock, or found
      // the subscription gone when it triggered it
      // (a job or request that lost would be retried and then find nothing waiting)
      assertThat(outcomes.stream().filter(o -> Integer.valueOf(1).equals(o)).count())
          .as("round %d: %s", round, outcomes)
          .isEqualTo(1);
      assertThat(outcomes)
          .as("round %d", round)
          .allSatisfy(
              o ->
                  assertThat(
                          Integer.valueOf(1).equals(o)
                              || Integer.valueOf(0).equals(o)
                              || o instanceof ProcessEngineException)
                      .as("%s", o)
                      .isTrue());
      assertThat(
              lifecycleMessages.tell(
                  VendorLifecycleProcess.MSG_SELECTED_FOR_PILOT, vendor, Map.of()))
          .as("a retry finds nothing waiting")
          .isZero();
      assertThat(
              historyService
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(lifecycle)
                  .activityId(VendorLifecycleProcess.Elements.EVENT_SELECTED_FOR_PILOT)
                  .count())
          .isEqualTo(1);
      assertThat(
              managementService
                  .createJobQuery()
                  .processInstanceId(lifecycle)
                  .activityId(VendorLifecycleProcess.Elements.ENTER_PILOT_PHASE)
                  .count())
          .isEqualTo(1);
      assertThat(
              runtimeService
                  .createEventSubscriptionQuery()
                  .processInstanceId(lifecycle)
                  .eventType("message")
                  .eventName(VendorLifecycleProcess.MSG_SELECTED_FOR_PILOT)
                  .count())
          .isZero();
    }
  }

  // --- helpers

  private String register(String code) {
    Map<String, Object> body = new LinkedHashMap<>(TestWorld.vendorBody(world.unique(code)));
    body.put("lifecyclePhase", "OPERATING");
    body.put("relationshipManager", rm);
    Api.Response created = api.post(TestProperties.ADMIN, "/api/vendors", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private String lifecycle(String vendor) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(VendorLifecycleProcess.PROCESS_KEY)
        .processInstanceBusinessKey(vendor)
        .singleResult()
        .getId();
  }

  /** Runs the async continuations of the vendors' lifecycles and of the transitions about them. */
  private void runLifecycleJobs(String... vendors) {
    jobs.runJobs(
        () -> {
          List<String> roots = new ArrayList<>();
          for (String vendor : vendors) {
            roots.addAll(jobs.instances(VendorLifecycleProcess.PROCESS_KEY, vendor));
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(TransitionProcess.PROCESS_KEY)
                .variableValueEquals("vendorId", vendor)
                .list()
                .forEach(p -> roots.add(p.getId()));
          }
          return roots;
        });
  }

  private int audits(String action, String subject) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where action = ? and subject_id = ?",
        Integer.class,
        action,
        subject);
  }

  /** Runs the call on {@code parties} threads released together by a barrier; every result. */
  private static <T> List<T> race(int parties, IntFunction<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(parties);
    try {
      CyclicBarrier start = new CyclicBarrier(parties);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < parties; i++) {
        int party = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return call.apply(party);
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
