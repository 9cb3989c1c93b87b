package dev.steward.reliability;

import static dev.steward.reliability.ReliabilityPostgres.inList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.TestProperties;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scenario 1: {@code kill -9} of the packaged application during task completions and during jobs,
 * on PostgreSQL with {@code synchronous_commit=on}; a restart on the same database loses nothing
 * that was acknowledged, leaves no half-written rows, finishes the interrupted jobs after their
 * lock expires and applies no effect twice.
 */
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryReliabilityIT extends OneNodeReliabilityTest {

  CrashRecoveryReliabilityIT() {
    super("crash");
  }

  /** What the load saw: acknowledged filings and completions, and requests without an answer. */
  private final Map<String, String> acknowledgedFilings = new ConcurrentHashMap<>(); // key -> id

  private final List<String> attemptedKeys = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Boolean> acknowledgedTriage = new ConcurrentHashMap<>(); // esc id
  private final Map<String, Boolean> unansweredTriage = new ConcurrentHashMap<>();

  @Test
  @Order(1)
  void killedDuringFilingsAndTaskCompletionsNothingAcknowledgedIsLost() throws Exception {
    long started = System.nanoTime();
    // escalations to triage while the node dies; the filing threads add theirs
    BlockingQueue<String> toTriage = new LinkedBlockingQueue<>();
    for (int i = 0; i < 6; i++) {
      String key = "pre-" + i + "-" + UUID.randomUUID();
      attemptedKeys.add(key);
      String id = client.fileOk(rm, vendorId, key);
      acknowledgedFilings.put(key, id);
      toTriage.add(id);
    }

    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(5);
    for (int t = 0; t < 3; t++) {
      int thread = t;
      load.submit(
          () -> {
            for (int i = 0; running.get(); i++) {
              String key = "load-" + thread + "-" + i + "-" + UUID.randomUUID();
              attemptedKeys.add(key);
              Client.Reply reply = client.file(rm, vendorId, key);
              if (reply.status() == 201) {
                String id = reply.json().path("id").asText();
                acknowledgedFilings.put(key, id);
                toTriage.add(id);
              }
              // any other answer (e.g. 503 while the node dies) promised nothing
            }
          });
    }
    for (int t = 0; t < 2; t++) {
      load.submit(
          () -> {
            while (running.get()) {
              String id = toTriage.poll(200, TimeUnit.MILLISECONDS);
              if (id == null) {
                continue;
              }
              String task = client.taskId(rm, id, "Task_Triage");
              if (task == null) {
                continue;
              }
              Client.Reply reply = client.triage(rm, task);
              if (reply.status() == 204) {
                acknowledgedTriage.put(id, true);
              } else if (!reply.answered()) {
                unansweredTriage.put(id, true);
              }
            }
            return null;
          });
    }
    // let the load run until some work has been acknowledged, then kill -9 in the middle of it
    Awaits.await(
        "load acknowledged",
        Duration.ofSeconds(60),
        () -> acknowledgedFilings.size() >= 40 && acknowledgedTriage.size() >= 10);
    node.kill();
    running.set(false);
    load.shutdown();
    assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    System.out.printf(
        "[reliability] killed -9 after %d acknowledged filings, %d acknowledged triages,"
            + " %d triages without answer%n",
        acknowledgedFilings.size(), acknowledgedTriage.size(), unansweredTriage.size());

    node.start();

    // every acknowledged filing is there, with its process instance
    for (Map.Entry<String, String> filed : acknowledgedFilings.entrySet()) {
      Client.Reply reply = client.get(rm, "/api/escalations/" + filed.getValue());
      assertThat(reply.status()).as("acknowledged escalation %s", filed.getValue()).isEqualTo(200);
      assertThat(reply.json().path("processInstanceId").asText()).isNotBlank();
    }
    // every acknowledged triage is there: first response stored, task gone, once
    for (String id : acknowledgedTriage.keySet()) {
      JsonNode escalation = client.get(rm, "/api/escalations/" + id).json();
      assertThat(escalation.path("respondedAt").isNull()).as("responded %s", id).isFalse();
      assertThat(client.taskId(rm, id, "Task_Triage")).isNull();
    }
    assertEveryEscalationRowHasItsProcessAndBack();

    // the clients retry what got no answer: the idempotency key makes each a single escalation
    for (String key : attemptedKeys) {
      Client.Reply retry = client.file(rm, vendorId, key);
      assertThat(retry.status()).as(retry.body()).isEqualTo(201);
      String id = retry.json().path("id").asText();
      if (acknowledgedFilings.containsKey(key)) {
        assertThat(id).as("replayed for key %s", key).isEqualTo(acknowledgedFilings.get(key));
      }
    }
    assertThat(postgres.count("select count(*) from escalation"))
        .as("one escalation per idempotency key")
        .isEqualTo(attemptedKeys.size());
    assertThat(
            postgres.count(
                "select count(*) from escalation_idempotency_key k left join escalation e"
                    + " on e.id = k.escalation_id where e.id is null"))
        .as("no key without its escalation")
        .isZero();
    // a triage without answer either happened (then it happened once) or the task is still open
    for (String id : unansweredTriage.keySet()) {
      String task = client.taskId(rm, id, "Task_Triage");
      if (task != null) {
        assertThat(client.triage(rm, task).status()).isEqualTo(204);
      }
    }
    assertThat(
            postgres.count(
                "select count(*) from (select subject_id from audit_event"
                    + " where action = 'ESCALATION_RESPONDED' group by subject_id"
                    + " having count(*) > 1) twice"))
        .as("no escalation responded twice")
        .isZero();
    assertThat(
            postgres.count(
                "select count(*) from audit_event where action = 'ESCALATION_RESPONDED'"
                    + " and subject_id in ("
                    + inList(List.copyOf(acknowledgedTriage.keySet()))
                    + ")"))
        .isEqualTo(acknowledgedTriage.size());
    assertEveryEscalationRowHasItsProcessAndBack();
    Awaits.report("scenario 1a: kill -9 during filings and task completions", started);
  }

  @Test
  @Order(2)
  void killedWhileJobsRunTheJobsCompleteOnceAfterTheirLockExpires() throws Exception {
    long started = System.nanoTime();
    // half get their response reminder (a timer, then an async continuation), half breach the
    // response SLA (a timer whose job moves the escalation to the executives)
    List<String> reminded = new ArrayList<>();
    List<String> breached = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      (i % 2 == 0 ? reminded : breached).add(client.fileOk(rm, vendorId, null));
    }
    List<String> all = new ArrayList<>(reminded);
    all.addAll(breached);

    try (Connection blocker = postgres.connect()) {
      // an admin session holds the escalation rows: the jobs that change them wait, holding their
      // job locks, until the node is killed
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        s.execute("select id from escalation where id in (" + inList(all) + ") for update");
      }
      assertTimersDue("Timer_ResponseReminder", reminded);
      assertTimersDue("Timer_ResponseSlaBreached", breached);
      Awaits.await(
          "the node's job threads wait on the held rows",
          Duration.ofSeconds(60),
          () -> blockedBackends(node.name()) >= 1);
      long lockedJobs =
          postgres.count(
              "select count(*) from act_ru_job where lock_owner_ is not null"
                  + " and lock_exp_time_ > now()");
      assertThat(lockedJobs).as("jobs locked by the node when it dies").isPositive();
      node.kill();
      System.out.printf("[reliability] killed -9 holding %d locked jobs%n", lockedJobs);
      blocker.rollback();
    }

    node.start();
    Awaits.await(
        "reminders and breaches recorded after restart",
        Duration.ofSeconds(90),
        () ->
            postgres.count(
                        "select count(*) from escalation where reminder_sent_at is not null and id in ("
                            + inList(reminded)
                            + ")")
                    == reminded.size()
                && postgres.count(
                        "select count(*) from escalation where response_breached_at is not null"
                            + " and id in ("
                            + inList(breached)
                            + ")")
                    == breached.size(),
        () -> "jobs: " + jobs(all));
    Awaits.await(
        "no job left",
        Duration.ofSeconds(60),
        () -> jobs(all).isEmpty(),
        () -> jobs(all).toString());

    // each effect exactly once
    postgres.assertRemindersAndBreachesOnce(reminded, breached);
    assertEveryEscalationRowHasItsProcessAndBack();
    Awaits.report("scenario 1b: kill -9 while jobs run", started);
  }

  private long blockedBackends(String applicationName) {
    return postgres.waitingOnEscalationRows(applicationName).size();
  }

  private List<String> jobs(List<String> escalations) {
    return postgres.query(
        "select j.id_, d.act_id_, j.retries_, j.lock_owner_, j.duedate_ from act_ru_job j"
            + " join act_ru_jobdef d on d.id_ = j.job_def_id_ where j.process_instance_id_ in"
            + " (select process_instance_id from escalation where id in ("
            + inList(escalations)
            + ")) and d.act_id_ in ('Timer_ResponseReminder', 'Task_SendResponseReminder',"
            + " 'Timer_ResponseSlaBreached') and j.duedate_ < now() + interval '1 minute'",
        rs ->
            rs.getString(2)
                + " retries="
                + rs.getInt(3)
                + " owner="
                + rs.getString(4)
                + " due="
                + rs.getTimestamp(5));
  }

  /**
   * No half-written domain rows: every escalation row has its process instance (running or in
   * history) with the escalation's id as business key, and every escalation process has its row.
   */
  private void assertEveryEscalationRowHasItsProcessAndBack() {
    assertThat(
            postgres.query(
                "select e.id from escalation e left join act_hi_procinst p"
                    + " on p.id_ = e.process_instance_id and p.business_key_ = e.id"
                    + " where p.id_ is null",
                rs -> rs.getString(1)))
        .as("escalation rows without their process instance")
        .isEmpty();
    assertThat(
            postgres.query(
                "select p.id_ from act_hi_procinst p where p.proc_def_key_ = 'Escalation'"
                    + " and not exists (select 1 from escalation e where e.id = p.business_key_"
                    + " and e.process_instance_id = p.id_)",
                rs -> rs.getString(1)))
        .as("escalation processes without their row")
        .isEmpty();
    assertThat(
            postgres.query(
                "select e.id from escalation e left join act_ru_execution x"
                    + " on x.id_ = e.process_instance_id where x.id_ is null and e.closed_at is null",
                rs -> rs.getString(1)))
        .as("open escalations whose process is not running")
        .isEmpty();
    // the admin still works after the restart
    assertThat(client.get(TestProperties.ADMIN, "/api/escalations").status()).isEqualTo(200);
  }

  private void assertTimersDue(String timerId, List<String> escalations) {
    assertThat(postgres.makeTimersDue(timerId, escalations))
        .as(timerId)
        .isEqualTo(escalations.size());
  }
}
