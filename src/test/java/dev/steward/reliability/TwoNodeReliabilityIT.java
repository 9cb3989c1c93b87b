package dev.steward.reliability;

import static dev.steward.reliability.ReliabilityPostgres.inList;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scenario 5: two Steward nodes on one PostgreSQL, both with the job executor on (Camunda's
 * homogeneous cluster: the nodes share the job table and lock jobs with optimistic locking). Timers
 * and async continuations run once across both; when one node is killed holding jobs, the other
 * runs them after the lock expires.
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeReliabilityIT {

  private static final String SUCCEEDED = "2";

  /** camunda.bpm.job-execution.max-pool-size in application.yaml. */
  private static final int JOB_THREADS = 5;

  private ReliabilityPostgres postgres;
  private StewardNode nodeA;
  private StewardNode nodeB;
  private Client a;
  private Client b;
  private String rm;
  private String vendorId;

  @BeforeAll
  void start() {
    postgres = new ReliabilityPostgres("cluster");
    // one after the other: the first creates the schema, the second finds it
    nodeA = new StewardNode("node-a", postgres).start();
    nodeB = new StewardNode("node-b", postgres).start();
    a = new Client(nodeA);
    b = new Client(nodeB);
    String[] world = a.world("cluster");
    rm = world[0];
    vendorId = world[1];
  }

  @AfterAll
  void stop() {
    if (nodeA != null) {
      nodeA.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void timersAndAsyncJobsRunOnceAcrossBothNodes() {
    long started = System.nanoTime();
    List<String> reminded = new ArrayList<>();
    List<String> breached = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      // filed through both nodes
      String id = (i % 2 == 0 ? a : b).fileOk(rm, vendorId, null);
      (i < 30 ? reminded : breached).add(id);
    }
    assertTimersDue("Timer_ResponseReminder", reminded);
    assertTimersDue("Timer_ResponseSlaBreached", breached);
    awaitRecorded(reminded, breached);

    assertEffectsOnce(reminded, breached);
    Map<String, Long> byNode = successesByNode(concat(reminded, breached));
    System.out.printf("[reliability] jobs executed per node: %s%n", byNode);
    // 30 reminder timers + 30 reminder continuations + 30 breach timers
    assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(90);
    // which node runs how many is up to their acquisition timing (on a quiet machine one node may
    // take them all); that the other node does run jobs is proven by the next test
    assertThat(byNode.keySet()).isNotEmpty().isSubsetOf("node-a", "node-b");
    Awaits.report("scenario 5a: 90 jobs on two nodes", started);
  }

  @Test
  @Order(2)
  void aNodeKilledHoldingJobsTheOtherRunsThemAfterTheLockExpires() throws Exception {
    long started = System.nanoTime();
    List<String> breached = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      breached.add((i % 2 == 0 ? a : b).fileOk(rm, vendorId, null));
    }
    long heldByA;
    try (Connection blocker = postgres.connect()) {
      // both nodes' job threads wait on these rows, holding their job locks
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        s.execute("select id from escalation where id in (" + inList(breached) + ") for update");
      }
      assertTimersDue("Timer_ResponseSlaBreached", breached);
      long[] waiting = new long[2];
      Awaits.await(
          "every job thread of both nodes waits on the held rows",
          Duration.ofSeconds(60),
          () ->
              (waiting[0] = waitingJobs("node-a")) >= JOB_THREADS
                  && (waiting[1] = waitingJobs("node-b")) >= JOB_THREADS,
          () -> "waiting: node-a " + waiting[0] + ", node-b " + waiting[1]);
      // with every job thread stuck, requests still get a connection on both nodes
      assertThat(a.get(rm, "/api/escalations").status()).isEqualTo(200);
      assertThat(b.get(rm, "/api/tasks").status()).isEqualTo(200);
      nodeA.kill();
      heldByA = waiting[0];
      System.out.printf(
          "[reliability] killed -9 node-a while it ran %d jobs (node-b ran %d)%n",
          heldByA, waiting[1]);
      blocker.rollback();
    }
    assertThat(heldByA).isPositive();

    awaitRecorded(List.of(), breached);
    assertEffectsOnce(List.of(), breached);
    // everything of this batch ran on node B, including what node A had locked when it died
    Map<String, Long> byNode = successesByNode(breached);
    System.out.printf("[reliability] after the kill, jobs executed per node: %s%n", byNode);
    assertThat(byNode).containsOnlyKeys("node-b").containsEntry("node-b", 20L);
    assertThat(b.get(rm, "/api/escalations").status()).isEqualTo(200);
    Awaits.report("scenario 5b: node killed holding jobs, the other takes over", started);
  }

  private void awaitRecorded(List<String> reminded, List<String> breached) {
    List<String> all = concat(reminded, breached);
    Awaits.await(
        "reminders and breaches recorded, no due job left",
        Duration.ofSeconds(120),
        () ->
            count("reminder_sent_at", reminded) == reminded.size()
                && count("response_breached_at", breached) == breached.size()
                && dueJobs(all) == 0,
        () -> "due jobs: " + dueJobs(all));
  }

  private void assertEffectsOnce(List<String> reminded, List<String> breached) {
    postgres.assertRemindersAndBreachesOnce(reminded, breached);
    assertThat(
            postgres.count(
                "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = "
                    + SUCCEEDED
                    + " group by job_id_ having count(*) > 1) twice"))
        .as("no job succeeded twice")
        .isZero();
  }

  private long count(String column, List<String> escalations) {
    if (escalations.isEmpty()) {
      return 0;
    }
    return postgres.count(
        "select count(*) from escalation where "
            + column
            + " is not null and id in ("
            + inList(escalations)
            + ")");
  }

  private long dueJobs(List<String> escalations) {
    return postgres.count(
        "select count(*) from act_ru_job where duedate_ < now() + interval '1 minute'"
            + " and process_instance_id_ in (select process_instance_id from escalation where id in ("
            + inList(escalations)
            + "))");
  }

  private Map<String, Long> successesByNode(List<String> escalations) {
    return postgres
        .query(
            "select hostname_, count(*) from act_hi_job_log where job_state_ = "
                + SUCCEEDED
                + " and process_instance_id_ in (select process_instance_id from escalation"
                + " where id in ("
                + inList(escalations)
                + ")) group by hostname_",
            rs -> Map.entry(rs.getString(1), rs.getLong(2)))
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private long waitingJobs(String node) {
    return postgres.waitingOnEscalationRows(node).size();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private void assertTimersDue(String timerId, List<String> escalations) {
    assertThat(postgres.makeTimersDue(timerId, escalations))
        .as(timerId)
        .isEqualTo(escalations.size());
  }
}
