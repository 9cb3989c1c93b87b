package dev.steward.reliability;

import static dev.steward.reliability.ReliabilityPostgres.inList;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.TestProperties;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scenarios 2 and 3: PostgreSQL stopped for 10 s while requests arrive, and a connection killed in
 * the middle of a transaction. The node is never restarted.
 */
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFailureReliabilityIT extends OneNodeReliabilityTest {

  /**
   * A request unanswered after three times the pool's connection timeout (5 s) counts as hanging.
   */
  private static final Duration HANG = Duration.ofSeconds(15);

  DatabaseFailureReliabilityIT() {
    super("dbfail");
  }

  record Outcome(String request, Client.Reply reply) {}

  @Test
  @Order(1)
  void postgresStoppedForTenSecondsRequestsGet503FastAndTheNodeRecoversWithoutRestart()
      throws Exception {
    long started = System.nanoTime();
    long pid = node.pid();
    List<String> escalations = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      escalations.add(client.fileOk(rm, vendorId, null));
    }
    // their response SLA breaches while the database is down
    assertThat(
            postgres.update(
                "update act_ru_job set duedate_ = now() + interval '3 seconds'"
                    + " where job_def_id_ in (select id_ from act_ru_jobdef"
                    + " where act_id_ = 'Timer_ResponseSlaBreached') and process_instance_id_ in"
                    + " (select process_instance_id from escalation where id in ("
                    + inList(escalations)
                    + "))"))
        .isEqualTo(escalations.size());

    Client outageClient = new Client(node, HANG);
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    List<String> refusedKeys = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean down = new AtomicBoolean(true);
    postgres.stop();
    long stoppedAt = System.nanoTime();
    ExecutorService requests = Executors.newFixedThreadPool(3);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int thread = t;
      workers.add(
          requests.submit(
              () -> {
                while (down.get()) {
                  switch (thread) {
                    case 0 ->
                        outcomes.add(
                            new Outcome(
                                "GET /api/escalations", outageClient.get(rm, "/api/escalations")));
                    case 1 -> {
                      String key = "outage-" + UUID.randomUUID();
                      Client.Reply reply = outageClient.file(rm, vendorId, key);
                      outcomes.add(new Outcome("POST /api/escalations", reply));
                      if (reply.status() == 503) {
                        refusedKeys.add(key);
                      }
                    }
                    default ->
                        outcomes.add(
                            new Outcome("GET /api/tasks", outageClient.get(rm, "/api/tasks")));
                  }
                }
              }));
    }
    while (System.nanoTime() - stoppedAt < Duration.ofSeconds(10).toNanos()) {
      StewardNode.sleep(200);
    }
    postgres.start();
    down.set(false);
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    requests.shutdown();
    System.out.printf(
        "[reliability] %d requests while PostgreSQL was down: %s%n",
        outcomes.size(),
        outcomes.stream().map(o -> o.request() + " " + o.reply().status()).toList());

    // no hang, no 500: a 503 problem detail (or, straddling the restart, a success)
    assertThat(outcomes).isNotEmpty();
    for (Outcome outcome : outcomes) {
      Client.Reply reply = outcome.reply();
      assertThat(reply.status())
          .as("%s during the outage: %s", outcome.request(), reply.body())
          .isIn(200, 201, 503);
      if (reply.status() == 503) {
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(503);
        assertThat(reply.json().path("title").asText()).isEqualTo("Service unavailable");
        assertThat(reply.body()).doesNotContainIgnoringCase("select").doesNotContain("postgresql");
      }
    }
    assertThat(outcomes.stream().filter(o -> o.reply().status() == 503).count()).isPositive();

    // recovered without restart: the same process answers 2xx again
    Awaits.await(
        "the node answers again",
        Duration.ofSeconds(60),
        () -> client.get(rm, "/api/escalations").status() == 200);
    assertThat(node.alive()).isTrue();
    assertThat(node.pid()).isEqualTo(pid);
    for (int i = 0; i < 5; i++) {
      assertThat(client.get(rm, "/api/escalations").status()).isEqualTo(200);
    }
    // a refused filing stored nothing: its key files a new escalation now
    String refused = "select count(*) from escalation_idempotency_key where idempotency_key in (";
    assertThat(postgres.count(refused + inList(refusedKeys) + ")")).isZero();
    for (String key : refusedKeys) {
      Client.Reply retry = client.file(rm, vendorId, key);
      assertThat(retry.status()).as(retry.body()).isEqualTo(201);
      assertThat(retry.json().path("id").asText()).isNotBlank();
    }
    assertThat(postgres.count(refused + inList(refusedKeys) + ")")).isEqualTo(refusedKeys.size());
    // the job executor resumed: the breaches that came due during the outage are recorded once
    Awaits.await(
        "breaches recorded after the outage",
        Duration.ofSeconds(60),
        () ->
            postgres.count(
                    "select count(*) from escalation where response_breached_at is not null"
                        + " and id in ("
                        + inList(escalations)
                        + ")")
                == escalations.size());
    assertThat(
            postgres.count(
                "select count(*) from audit_event where action = 'ESCALATION_RESPONSE_SLA_BREACHED'"
                    + " and subject_id in ("
                    + inList(escalations)
                    + ")"))
        .isEqualTo(escalations.size());
    Awaits.report("scenario 2: PostgreSQL stopped for 10 s", started);
  }

  @Test
  @Order(2)
  void aConnectionKilledMidTransactionRollsBackAndTheNextRequestSucceeds() throws Exception {
    long started = System.nanoTime();
    String escalation = client.fileOk(rm, vendorId, null);
    String task = client.taskId(rm, escalation, "Task_Triage");
    assertThat(task).isNotNull();

    Client.Reply killed;
    try (Connection blocker = postgres.connect()) {
      // the completion's transaction writes the engine's rows, then waits for the escalation row
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        s.execute("select id from escalation where id = '" + escalation + "' for update");
      }
      CompletableFuture<Client.Reply> completion =
          CompletableFuture.supplyAsync(() -> client.triage(rm, task));
      Awaits.await(
          "the completion waits inside its transaction",
          Duration.ofSeconds(30),
          () -> waitingBackends().size() == 1);
      List<Integer> pids = waitingBackends();
      assertThat(
              postgres.query(
                  "select pg_terminate_backend(" + pids.get(0) + ")", rs -> rs.getBoolean(1)))
          .containsExactly(true);
      killed = completion.get(60, TimeUnit.SECONDS);
      blocker.rollback();
    }
    assertThat(killed.status()).as(killed.body()).isEqualTo(503);
    assertThat(killed.contentType()).startsWith("application/problem+json");

    // rolled back as a whole: the task is open, nothing of the completion is stored
    assertThat(postgres.count("select count(*) from act_ru_task where id_ = '" + task + "'"))
        .isOne();
    assertThat(
            postgres.count(
                "select count(*) from act_hi_taskinst where id_ = '"
                    + task
                    + "' and end_time_ is null"))
        .isOne();
    assertThat(
            postgres.count(
                "select count(*) from escalation where id = '"
                    + escalation
                    + "' and responded_at is null"))
        .isOne();
    assertThat(
            postgres.count(
                "select count(*) from audit_event where subject_id = '"
                    + escalation
                    + "' and action = 'ESCALATION_RESPONDED'"))
        .isZero();

    // the next request succeeds, and the completion happens once
    assertThat(client.triage(rm, task).status()).isEqualTo(204);
    assertThat(
            postgres.count(
                "select count(*) from audit_event where subject_id = '"
                    + escalation
                    + "' and action = 'ESCALATION_RESPONDED'"))
        .isOne();

    // every connection of the node killed at once (e.g. a failover): the pool replaces them
    long terminated =
        postgres
            .query(
                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                    + node.name()
                    + "'",
                rs -> rs.getBoolean(1))
            .stream()
            .filter(b -> b)
            .count();
    assertThat(terminated).isPositive();
    StewardNode.sleep(1500);
    assertThat(client.get(rm, "/api/escalations").status()).isEqualTo(200);
    assertThat(client.fileOk(rm, vendorId, null)).isNotBlank();
    assertThat(client.get(TestProperties.ADMIN, "/api/escalations/" + escalation).status())
        .isEqualTo(200);
    System.out.printf("[reliability] terminated %d idle connections of the node%n", terminated);
    Awaits.report("scenario 3: connection killed mid-transaction", started);
  }

  private List<Integer> waitingBackends() {
    return postgres.waitingOnEscalationRows(node.name());
  }
}
