package dev.steward.escalation;

import static dev.steward.support.BenchResults.round;
import static dev.steward.support.BenchResults.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.escalation.EscalationProcess.Elements;
import dev.steward.support.Api;
import dev.steward.support.BenchPostgres;
import dev.steward.support.BenchResults;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Escalations per second end to end through the HTTP API (file, triage, resolve, confirm: seven
 * requests, each with HTTP Basic, as a client does it), against the raw engine driving a BPMN of
 * the same shape (user tasks with their timers, no-op service tasks) through the Java API in the
 * same JVM and database. Both with the same number of concurrent clients ({@code -Dbench.clients},
 * default 4) and escalations per round ({@code -Dbench.escalations}, default 200), in {@code
 * -Dbench.rounds} (default 3) rounds of raw then API; the ratio is the median of the rounds'. It
 * asserts only that the work was done.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestProperties.NO_DEMO,
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD,
      TestProperties.COOKIES_OVER_HTTP,
      "steward.bench=escalation"
    })
@ContextConfiguration(initializers = BenchPostgres.class)
class EscalationBenchmark {

  static final String RAW_KEY = "BenchEscalation";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void escalationsThroughTheApiAgainstTheRawEngine() throws Exception {
    int clients = Integer.getInteger("bench.clients", 4);
    int escalations = Integer.getInteger("bench.escalations", 200);
    int rounds = Integer.getInteger("bench.rounds", 3);
    Api admin = new Api(port);
    TestWorld world = new TestWorld(admin);
    String rm = world.user("rm", "RELATIONSHIP_MANAGER", null);
    String onCall = world.onCallUser("oncall", "RELATIONSHIP_MANAGER");
    List<String> vendors = new ArrayList<>();
    List<String> leads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      String vendor = world.vendor("BENCH" + c, rm);
      vendors.add(vendor);
      leads.add(world.user("lead" + c, "BPO_LEAD", vendor));
    }
    repositoryService
        .createDeployment()
        .name("benchmark")
        .addModelInstance("bench-escalation.bpmn", rawModel())
        .deploy();

    // warm both paths up (JIT, caches, connection pool) before measuring either
    run(
        clients,
        escalations / 4,
        c -> throughApi(new Workflow(new Api(port)), c, vendors, leads, rm, onCall));
    run(clients, escalations / 4, c -> throughEngine(leads.get(c), rm, onCall));

    // rounds alternate raw and API so that drift of the machine (other load, the database growing,
    // vacuum, JIT) falls on both alike; the ratio reported is the median of the rounds' ratios
    List<Workflow> flows = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      flows.add(new Workflow(new Api(port)));
    }
    List<Double> rawRates = new ArrayList<>();
    List<Double> apiRates = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      double rawSeconds = run(clients, escalations, c -> throughEngine(leads.get(c), rm, onCall));
      double apiSeconds =
          run(clients, escalations, c -> throughApi(flows.get(c), c, vendors, leads, rm, onCall));
      rawRates.add(escalations / rawSeconds);
      apiRates.add(escalations / apiSeconds);
      ratios.add(rawSeconds / apiSeconds);
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RAW_KEY).count())
        .isZero();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(EscalationProcess.PROCESS_KEY)
                .count())
        .isZero();

    Map<String, Object> result =
        row(
            "clients",
            clients,
            "escalationsPerRound",
            escalations,
            "rounds",
            rounds,
            "rawEnginePerSecond",
            ratios.size() == 1 ? round(rawRates.get(0)) : rounded(rawRates),
            "httpApiPerSecond",
            ratios.size() == 1 ? round(apiRates.get(0)) : rounded(apiRates),
            "roundRatios",
            rounded(ratios),
            "apiToRawRatio",
            round(median(ratios)),
            "httpRequestsPerEscalation",
            7,
            "goal",
            ">= 0.7");
    BenchResults.print("Escalation throughput (file, triage, resolve, confirm)", List.of(result));
    BenchResults.write("escalationThroughput", result);
  }

  /**
   * One escalation as clients do it: the lead files, the triager and the RM find their task in
   * their inbox and complete it, the lead confirms.
   */
  private static void throughApi(
      Workflow flow,
      int client,
      List<String> vendors,
      List<String> leads,
      String rm,
      String onCall) {
    String lead = leads.get(client);
    JsonNode filed = flow.fileOk(lead, vendors.get(client), "P2");
    String id = filed.path("id").asText();
    boolean within = filed.path("withinBusinessHours").asBoolean();
    String triager = within ? rm : onCall;
    JsonNode triage =
        flow.requireTask(triager, id, within ? Elements.TRIAGE : Elements.TRIAGE_ON_CALL);
    flow.completeOk(triager, triage.path("id").asText(), Map.of("response", "Looking into it."));
    JsonNode resolve = flow.requireTask(rm, id, Elements.RESOLVE);
    flow.completeOk(
        rm,
        resolve.path("id").asText(),
        Map.of("resolution", "Refund job restarted.", "rootCause", "TOOLING"));
    JsonNode confirm = flow.requireTask(lead, id, Elements.CONFIRM_RESOLUTION);
    flow.completeOk(lead, confirm.path("id").asText(), Map.of("decision", "ACCEPTED"));
  }

  /** The same escalation on the raw engine: start, then find and complete three user tasks. */
  private void throughEngine(String lead, String rm, String onCall) {
    String instance =
        runtimeService
            .startProcessInstanceByKey(
                RAW_KEY,
                Map.of(
                    "vendorId", "bench",
                    "severity", "P2",
                    "filedBy", lead,
                    "relationshipManager", rm,
                    "title", "Refunds stuck"))
            .getId();
    complete(instance, "triage", onCall, Map.of("response", "Looking into it."));
    complete(
        instance,
        "resolve",
        rm,
        Map.of("resolution", "Refund job restarted.", "rootCause", "TOOLING"));
    complete(instance, "confirm", lead, Map.of("decision", "ACCEPTED"));
  }

  private void complete(String instance, String key, String user, Map<String, Object> variables) {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(key)
            .or()
            .taskAssignee(user)
            .taskCandidateGroupIn(new ArrayList<>(List.of("on-call", "relationship-managers")))
            .endOr()
            .singleResult();
    assertThat(task).as(key).isNotNull();
    taskService.complete(task.getId(), variables);
  }

  /**
   * The escalation's shape: two service tasks, triage with a reminder and a breach timer, a service
   * task, resolve with a breach timer, a service task, confirm with an expiry timer, a gateway, a
   * closing service task. Service tasks do nothing.
   */
  static BpmnModelInstance rawModel() {
    return Bpmn.createExecutableProcess(RAW_KEY)
        .camundaHistoryTimeToLive(180)
        .startEvent()
        .serviceTask("sla")
        .camundaExpression("${true}")
        .serviceTask("hours")
        .camundaExpression("${true}")
        .userTask("triage")
        .camundaCandidateGroups("on-call")
        .boundaryEvent("reminder")
        .cancelActivity(false)
        .timerWithDuration("PT3H")
        .serviceTask("remind")
        .camundaAsyncBefore()
        .camundaExpression("${true}")
        .endEvent()
        .moveToActivity("triage")
        .boundaryEvent("responseBreach")
        .timerWithDuration("PT4H")
        .endEvent()
        .moveToActivity("triage")
        .serviceTask("firstResponse")
        .camundaExpression("${true}")
        .userTask("resolve")
        .camundaAssignee("${relationshipManager}")
        .camundaCandidateGroups("relationship-managers")
        .boundaryEvent("resolutionBreach")
        .cancelActivity(false)
        .timerWithDuration("PT24H")
        .endEvent()
        .moveToActivity("resolve")
        .serviceTask("recordResolution")
        .camundaExpression("${true}")
        .userTask("confirm")
        .camundaAssignee("${filedBy}")
        .boundaryEvent("expired")
        .timerWithDuration("P5D")
        .endEvent()
        .moveToActivity("confirm")
        .exclusiveGateway("accepted")
        .condition("yes", "${decision == 'ACCEPTED'}")
        .serviceTask("close")
        .camundaExpression("${true}")
        .endEvent()
        .moveToLastGateway()
        .condition("no", "${decision != 'ACCEPTED'}")
        .connectTo("resolve")
        .done();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static String rounded(List<Double> values) {
    return String.join(" / ", values.stream().map(v -> String.valueOf(round(v))).toList());
  }

  /** Seconds {@code clients} threads need for {@code total} escalations. */
  static double run(int clients, int total, IntConsumer escalation) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        int share = total / clients + (c < total % clients ? 1 : 0);
        work.add(
            () -> {
              for (int i = 0; i < share; i++) {
                escalation.accept(client);
              }
              return null;
            });
      }
      long start = System.nanoTime();
      for (Future<Void> done : pool.invokeAll(work)) {
        done.get();
      }
      return (System.nanoTime() - start) / 1e9;
    } finally {
      pool.shutdown();
    }
  }
}
