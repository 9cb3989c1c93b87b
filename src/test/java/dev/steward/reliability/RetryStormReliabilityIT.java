package dev.steward.reliability;

import static dev.steward.reliability.ReliabilityPostgres.inList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.TestProperties;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: a retry storm. The response reminder's delegate fails for 200 escalations (its write
 * is refused by the database: a trigger stands in for a dependency that is down). Each job is
 * retried as the process model says (R3/PT5M; the test moves the due dates instead of waiting 5
 * minutes) and then becomes an incident with a clear message; meanwhile other work flows and the
 * pool is not exhausted. Once the dependency is back, a bulk retry (as Cockpit does it) completes
 * every reminder once.
 */
@Tag("reliability")
class RetryStormReliabilityIT extends OneNodeReliabilityTest {

  private static final int STORM = 200;
  private static final String GATEWAY_DOWN = "Reminder gateway unavailable";
  private static final int POOL_SIZE = 10;

  RetryStormReliabilityIT() {
    super("storm");
  }

  @Test
  void aFailingDependencyForHundredsOfInstancesBecomesIncidentsWhileOtherWorkFlows()
      throws Exception {
    long started = System.nanoTime();
    List<String> storm = fileInParallel(STORM);
    String meanwhileBreached = client.fileOk(rm, vendorId, null);
    long filed = System.nanoTime();

    // the reminder's dependency goes down
    postgres.update(
        "create function reminder_gateway_down() returns trigger language plpgsql as $$ begin"
            + " if new.reminder_sent_at is not null and old.reminder_sent_at is null then"
            + " raise exception '"
            + GATEWAY_DOWN
            + " (escalation %)', new.id; end if; return new; end $$");
    postgres.update(
        "create trigger reminder_gateway_down before update on escalation for each row"
            + " execute function reminder_gateway_down()");
    postgres.update(
        "update act_ru_job set duedate_ = now() - interval '1 second' where job_def_id_ in"
            + " (select id_ from act_ru_jobdef where act_id_ = 'Timer_ResponseReminder')"
            + " and process_instance_id_ in ("
            + instances(storm)
            + ")");

    // three attempts each (R3/PT5M): the 5-minute waits between them are skipped
    awaitFailedWithRetries(storm, 2);
    makeFailedJobsDue(storm);
    // while the storm's second round runs, other work keeps flowing
    otherWorkFlows(meanwhileBreached);
    awaitFailedWithRetries(storm, 1);
    makeFailedJobsDue(storm);
    awaitFailedWithRetries(storm, 0);

    // one incident per instance, with the cause in its message
    Set<String> stormInstances = new HashSet<>(processInstances(storm));
    Client.Reply incidents =
        client.get(TestProperties.ADMIN, "/engine-rest/incident?incidentType=failedJob");
    assertThat(incidents.status()).as(incidents.body()).isEqualTo(200);
    List<JsonNode> ours = new ArrayList<>();
    for (JsonNode incident : incidents.json()) {
      if (stormInstances.contains(incident.path("processInstanceId").asText())) {
        ours.add(incident);
      }
    }
    assertThat(ours).hasSize(STORM);
    for (JsonNode incident : ours) {
      assertThat(incident.path("activityId").asText()).isEqualTo("Task_SendResponseReminder");
      assertThat(incident.path("incidentMessage").asText()).contains(GATEWAY_DOWN);
    }
    assertThat(postgres.count("select count(*) from escalation where reminder_sent_at is not null"))
        .isZero();
    System.out.printf(
        "[reliability] %d incidents, e.g. \"%s\"%n",
        ours.size(), ours.get(0).path("incidentMessage").asText());
    long stormed = System.nanoTime();

    // the dependency is back: retry them all at once, as Cockpit's bulk retry does
    postgres.update("drop trigger reminder_gateway_down on escalation");
    List<String> jobIds =
        postgres.query(
            "select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where d.act_id_ = 'Task_SendResponseReminder' and j.retries_ = 0"
                + " and j.process_instance_id_ in ("
                + instances(storm)
                + ")",
            rs -> rs.getString(1));
    assertThat(jobIds).hasSize(STORM);
    String now =
        ZonedDateTime.now(ZoneOffset.UTC)
            .minusSeconds(1)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    Client.Reply retry =
        client.post(
            TestProperties.ADMIN,
            "/engine-rest/job/retries",
            Map.of("jobIds", jobIds, "retries", 1, "dueDate", now));
    assertThat(retry.status()).as(retry.body()).isEqualTo(200);

    Awaits.await(
        "every reminder recorded after the retry",
        Duration.ofSeconds(120),
        () ->
            postgres.count(
                    "select count(*) from escalation where reminder_sent_at is not null and id in ("
                        + inList(storm)
                        + ")")
                == STORM,
        () -> "open incidents: " + postgres.count("select count(*) from act_ru_incident"));
    Awaits.await(
        "no incident left",
        Duration.ofSeconds(60),
        () -> postgres.count("select count(*) from act_ru_incident") == 0);
    assertThat(
            postgres.count(
                "select count(*) from audit_event where action = 'ESCALATION_REMINDER_SENT'"
                    + " and subject_id in ("
                    + inList(storm)
                    + ")"))
        .as("each reminder recorded once")
        .isEqualTo(STORM);
    assertThat(
            postgres.count(
                "select count(*) from act_hi_actinst where act_id_ = 'Task_SendResponseReminder'"
                    + " and end_time_ is not null and proc_inst_id_ in ("
                    + instances(storm)
                    + ")"))
        .isEqualTo(STORM);
    System.out.printf(
        "[reliability] storm: filing %.1f s, failing to incidents %.1f s, recovery %.1f s%n",
        (filed - started) / 1e9, (stormed - filed) / 1e9, (System.nanoTime() - stormed) / 1e9);
    Awaits.report("scenario 6: retry storm of " + STORM + " instances", started);
  }

  /** A request, a user task and a timer of another escalation while the storm runs. */
  private void otherWorkFlows(String meanwhileBreached) {
    assertThat(
            postgres.update(
                "update act_ru_job set duedate_ = now() - interval '1 second' where job_def_id_ in"
                    + " (select id_ from act_ru_jobdef where act_id_ = 'Timer_ResponseSlaBreached')"
                    + " and process_instance_id_ = (select process_instance_id from escalation"
                    + " where id = '"
                    + meanwhileBreached
                    + "')"))
        .isOne();
    String other = client.fileOk(rm, vendorId, null);
    String task = client.taskId(rm, other, "Task_Triage");
    assertThat(task).isNotNull();
    assertThat(client.triage(rm, task).status()).isEqualTo(204);
    assertThat(client.get(rm, "/api/escalations/" + other).json().path("respondedAt").isNull())
        .isFalse();
    Client.Reply health = client.get(null, "/actuator/health");
    assertThat(health.status()).as(health.body()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    assertThat(
            postgres.count(
                "select count(*) from pg_stat_activity where application_name = '"
                    + node.name()
                    + "'"))
        .as("connections of the node")
        .isLessThanOrEqualTo(POOL_SIZE);
    Awaits.await(
        "the other escalation's breach timer ran",
        Duration.ofSeconds(60),
        () ->
            postgres.count(
                    "select count(*) from escalation where response_breached_at is not null"
                        + " and id = '"
                        + meanwhileBreached
                        + "'")
                == 1);
  }

  private void awaitFailedWithRetries(List<String> storm, int retries) {
    Awaits.await(
        "every reminder job failed, " + retries + " retries left",
        Duration.ofSeconds(180),
        () ->
            postgres.count(
                    "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                        + " where d.act_id_ = 'Task_SendResponseReminder' and j.retries_ = "
                        + retries
                        + " and j.lock_owner_ is null and j.exception_msg_ like '%"
                        + GATEWAY_DOWN
                        + "%' and j.process_instance_id_ in ("
                        + instances(storm)
                        + ")")
                == storm.size(),
        () ->
            postgres
                .query(
                    "select j.retries_, count(*) from act_ru_job j join act_ru_jobdef d"
                        + " on d.id_ = j.job_def_id_ where d.act_id_ in ('Task_SendResponseReminder',"
                        + " 'Timer_ResponseReminder') group by j.retries_",
                    rs -> rs.getInt(1) + " retries: " + rs.getLong(2))
                .toString());
  }

  private void makeFailedJobsDue(List<String> storm) {
    postgres.update(
        "update act_ru_job set duedate_ = now() - interval '1 second' where job_def_id_ in"
            + " (select id_ from act_ru_jobdef where act_id_ = 'Task_SendResponseReminder')"
            + " and retries_ > 0 and lock_owner_ is null and process_instance_id_ in ("
            + instances(storm)
            + ")");
  }

  private String instances(List<String> escalations) {
    return "select process_instance_id from escalation where id in (" + inList(escalations) + ")";
  }

  private List<String> processInstances(List<String> escalations) {
    return postgres.query(
        "select process_instance_id from escalation where id in (" + inList(escalations) + ")",
        rs -> rs.getString(1));
  }

  private List<String> fileInParallel(int count) throws Exception {
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(pool.submit(() -> ids.add(client.fileOk(rm, vendorId, null))));
    }
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    return new ArrayList<>(ids);
  }
}
