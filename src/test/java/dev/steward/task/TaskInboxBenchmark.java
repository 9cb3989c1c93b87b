package dev.steward.task;

import static dev.steward.support.BenchResults.percentile;
import static dev.steward.support.BenchResults.round;
import static dev.steward.support.BenchResults.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Api;
import dev.steward.support.BenchPostgres;
import dev.steward.support.BenchResults;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code GET /api/tasks} for one RM while the database holds more and more open tasks of other
 * people ({@code -Dbench.inbox=10000,200000}): the RM's own inbox stays the same (the tasks offered
 * to the RM group), the tables grow. Tasks are created by the engine (a one-user-task process
 * started through the Java API, in batches), never by SQL. Prints p50/p95 per size and the ratio of
 * the largest to the smallest p95. It asserts only that the work was done.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestProperties.NO_DEMO,
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD,
      TestProperties.COOKIES_OVER_HTTP,
      "steward.bench=inbox"
    })
@ContextConfiguration(initializers = BenchPostgres.class)
class TaskInboxBenchmark {

  /** One user task offered to the group named by the business key. */
  private static final String GROUP_KEY = "BenchInboxGroupTask";

  /** One user task assigned to the user named by the business key. */
  private static final String ASSIGNED_KEY = "BenchInboxAssignedTask";

  /** Tasks offered to the RM's group: the RM's inbox, the same at every size. */
  private static final int OWN_TASKS = 250;

  private static final int BATCH = 500;

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void theInboxOfOneRmAsTheTaskTablesGrow() throws Exception {
    Api api = new Api(port);
    String rm = new TestWorld(api).user("rm", "RELATIONSHIP_MANAGER", null);
    repositoryService
        .createDeployment()
        .name("benchmark")
        .addModelInstance(
            "bench-inbox-group.bpmn",
            Bpmn.createExecutableProcess(GROUP_KEY)
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("work")
                .camundaCandidateGroups("${execution.processBusinessKey}")
                .endEvent()
                .done())
        .addModelInstance(
            "bench-inbox-assigned.bpmn",
            Bpmn.createExecutableProcess(ASSIGNED_KEY)
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("work")
                .camundaAssignee("${execution.processBusinessKey}")
                .endEvent()
                .done())
        .deploy();

    List<Map<String, Object>> rows = new ArrayList<>();
    long created = 0;
    for (long size : BenchResults.sizes("bench.inbox", "10000,200000")) {
      long before = created;
      long start = System.nanoTime();
      seed(created, size);
      double seedSeconds = (System.nanoTime() - start) / 1e9;
      created = size;
      assertThat(taskService.createTaskQuery().count()).isEqualTo(size);
      jdbc.execute("analyze");

      double[] millis =
          BenchResults.latencies(
              200,
              100,
              () -> {
                Api.Response response = api.get(rm, "/api/tasks");
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.json().size()).isEqualTo(OWN_TASKS);
                return response;
              });
      List<String> groups = List.of("relationship-managers");
      double[] orQuery =
          BenchResults.latencies(
              50,
              10,
              () ->
                  taskService
                      .createTaskQuery()
                      .active()
                      .or()
                      .taskAssignee(rm)
                      .taskCandidateUser(rm)
                      .taskCandidateGroupIn(new ArrayList<>(groups))
                      .endOr()
                      .orderByTaskCreateTime()
                      .desc()
                      .listPage(0, 500));
      double[] splitQueries =
          BenchResults.latencies(
              50,
              10,
              () -> {
                List<Object> both = new ArrayList<>();
                both.addAll(
                    taskService
                        .createTaskQuery()
                        .active()
                        .taskAssignee(rm)
                        .orderByTaskCreateTime()
                        .desc()
                        .listPage(0, 500));
                both.addAll(
                    taskService
                        .createTaskQuery()
                        .active()
                        .taskCandidateUser(rm)
                        .orderByTaskCreateTime()
                        .desc()
                        .listPage(0, 500));
                assertThat(both).hasSize(OWN_TASKS);
                return both;
              });
      rows.add(
          row(
              "openTasks", size,
              "rmInboxTasks", OWN_TASKS,
              "p50Millis", round(percentile(millis, 50)),
              "p95Millis", round(percentile(millis, 95)),
              "engineOrQueryP95Millis", round(percentile(orQuery, 95)),
              "engineTwoQueriesP95Millis", round(percentile(splitQueries, 95)),
              "seedTasksPerSecond", Math.round((size - before) / seedSeconds)));
    }
    Map<String, Object> first = rows.get(0);
    Map<String, Object> last = rows.get(rows.size() - 1);
    double ratio = (double) last.get("p95Millis") / (double) first.get("p95Millis");
    rows.forEach(
        r ->
            r.put(
                "p95RatioToSmallest",
                round((double) r.get("p95Millis") / (double) first.get("p95Millis"))));
    BenchResults.print("Task inbox GET /api/tasks (one RM; goal p95 ratio <= 1.5)", rows);
    BenchResults.write("taskInbox", Map.of("runs", rows, "p95LargestToSmallest", round(ratio)));
    assertThat(last.get("openTasks")).isNotNull();
  }

  /**
   * Starts instances until {@code to} tasks are open: the first {@link #OWN_TASKS} are offered to
   * the RM group, the others to one of 50 other teams or assigned to one of 500 other people.
   */
  private void seed(long from, long to) throws Exception {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (long batchStart = from; batchStart < to; batchStart += BATCH) {
        long a = batchStart;
        long b = Math.min(to, batchStart + BATCH);
        batches.add(
            pool.submit(
                () ->
                    tx.executeWithoutResult(
                        s -> {
                          for (long i = a; i < b; i++) {
                            if (i < OWN_TASKS) {
                              runtimeService.startProcessInstanceByKey(
                                  GROUP_KEY,
                                  "relationship-managers",
                                  Map.of("vendorId", "vendor-" + (i % 20)));
                            } else if (i % 2 == 0) {
                              runtimeService.startProcessInstanceByKey(
                                  ASSIGNED_KEY, "person-" + (i % 500));
                            } else {
                              runtimeService.startProcessInstanceByKey(
                                  GROUP_KEY, "team-" + (i % 50));
                            }
                          }
                        })));
      }
      for (Future<?> batch : batches) {
        batch.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
