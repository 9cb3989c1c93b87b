package dev.steward.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.escalation.EscalationService;
import dev.steward.support.Api;
import dev.steward.support.Problems;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Quarterly reviews and the risk log over real HTTP with the real delegates, DMN table and engine:
 * a vendor's quarter of interactions becomes facts, the RM holds the QBR through /api/tasks with an
 * action item, the outcome lands in the decision record, the action item in the risk log, and the
 * recognition in the notices the vendor's lead (only) sees. Run on H2 and PostgreSQL.
 */
abstract class ReviewAndRiskFlowIT {

  static final String CSV_HEADER =
      "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,csat,nps,ces";

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired EscalationService escalationService;
  @Autowired JdbcTemplate jdbc;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String vendor;
  String lead;
  String otherVendor;
  String otherLead;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("Rita", "RELATIONSHIP_MANAGER", null);
    vendor = world.vendor("QBR", rm);
    lead = world.user("Lee", "BPO_LEAD", vendor);
    otherVendor = world.vendor("QBR-OTHER", rm);
    otherLead = world.user("Olga", "BPO_LEAD", otherVendor);
  }

  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs =
          managementService
              .createJobQuery()
              .processInstanceId(processInstanceId)
              .executable()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  private Api.Response patch(String user, String path, Map<String, ?> body) {
    return api.send(user, "PATCH", path, body, "application/json", Map.of());
  }

  private static String today(int plusDays) {
    return LocalDate.now(ZoneOffset.UTC).plusDays(plusDays).toString();
  }

  @Test
  void anExcellentQuarterIsRecognizedAndTheActionItemLandsInTheRiskLog() {
    // three excellent contacts in 2026-Q2: every KPI at or beyond target -> balanced score 100
    String csv =
        CSV_HEADER
            + "\nQ-1,agent-1,PHONE,2026-04-10T09:00:00Z,200,true,5,10,7"
            + "\nQ-2,agent-1,CHAT,2026-05-10T09:00:00Z,250,true,5,9,7"
            + "\nQ-3,agent-2,EMAIL,2026-06-10T09:00:00Z,300,true,4,10,6\n";
    Api.Response imported =
        api.postRaw(rm, "/api/vendors/" + vendor + "/interactions", csv, "text/csv");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);

    // a BPO lead may not start a review; a month is not a quarter
    assertThat(api.post(lead, "/api/vendors/" + vendor + "/reviews", Map.of()).status())
        .isEqualTo(403);
    Problems.assertProblem(
        api.post(rm, "/api/vendors/" + vendor + "/reviews", Map.of("period", "2026-05")), 422);

    Api.Response started =
        api.post(rm, "/api/vendors/" + vendor + "/reviews", Map.of("period", "2026-Q2"));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String reviewId = started.json().path("id").asText();
    String instance = started.json().path("processInstanceId").asText();
    assertThat(started.json().path("status").asText()).isEqualTo("PREPARING");
    // the same quarter again while it waits: 409
    Problems.assertProblem(
        api.post(rm, "/api/vendors/" + vendor + "/reviews", Map.of("period", "2026-Q2")), 409);

    runJobs(instance);
    JsonNode review = api.get(rm, "/api/reviews/" + reviewId).json();
    assertThat(review.path("status").asText()).isEqualTo("AWAITING_QBR");
    assertThat(review.path("outcome").asText()).isEqualTo("RECOGNIZE");
    assertThat(review.path("total").decimalValue()).isEqualByComparingTo("100.00");
    assertThat(review.path("previousTotal").isNull()).isTrue();
    assertThat(review.path("facts").path("interactions").asLong()).isEqualTo(3);
    assertThat(review.path("facts").path("previousPeriod").asText()).isEqualTo("2026-Q1");

    JsonNode hold = flow.requireTask(rm, reviewId, "Task_HoldQbr");
    // the form checks required fields; an unknown owner is refused by the process with 422
    Api.Response refused =
        flow.complete(
            rm,
            hold.path("id").asText(),
            Map.of(
                "qbrNotes",
                "Great quarter",
                "actionItems",
                List.of(
                    Map.of(
                        "title",
                        "Share best practice",
                        "owner",
                        "nobody-" + reviewId,
                        "dueDate",
                        today(7),
                        "severity",
                        "LOW"))));
    JsonNode problem = Problems.assertProblem(refused, 422);
    assertThat(Problems.errorFields(problem)).contains("actionItems[0].owner");

    flow.completeOk(
        rm,
        hold.path("id").asText(),
        Map.of(
            "qbrNotes",
            "Great quarter",
            "actionItems",
            List.of(
                Map.of(
                    "title",
                    "Share best practice with the other sites",
                    "owner",
                    rm,
                    "dueDate",
                    today(7),
                    "severity",
                    "LOW"))));

    Map<String, Object> decision =
        jdbc.queryForMap(
            "select outcome, decided_by, reason, inputs, subject_id from decision_record"
                + " where vendor_id = ? and kind = 'QBR_OUTCOME'",
            vendor);
    assertThat(decision.get("outcome")).isEqualTo("RECOGNIZE");
    assertThat(decision.get("decided_by")).isEqualTo(rm);
    assertThat(decision.get("reason")).isEqualTo("Great quarter");
    assertThat((String) decision.get("inputs")).contains("balanced score 100.00");
    assertThat(decision.get("subject_id")).isEqualTo(reviewId);

    JsonNode risks = api.get(rm, "/api/vendors/" + vendor + "/risks").json();
    assertThat(risks).hasSize(1);
    assertThat(risks.get(0).path("source").asText()).isEqualTo("QBR_ACTION");
    assertThat(risks.get(0).path("sourceRef").asText()).isEqualTo(reviewId + "#1");
    assertThat(risks.get(0).path("owner").asText()).isEqualTo(rm);
    String riskId = risks.get(0).path("id").asText();
    // the owner has the action item in their task list
    assertThat(flow.task(rm, reviewId, "Task_CompleteActionItem")).isPresent();

    // the recognition: the RM writes it, the vendor's lead sees it, another vendor's lead does not
    JsonNode recognize = flow.requireTask(rm, reviewId, "Task_RecognizeTeam");
    flow.completeOk(
        rm, recognize.path("id").asText(), Map.of("recognitionMessage", "Best CSAT of all sites!"));
    runJobs(instance);
    Api.Response notices = api.get(lead, "/api/vendors/" + vendor + "/notices");
    assertThat(notices.status()).isEqualTo(200);
    assertThat(notices.json()).hasSize(1);
    assertThat(notices.json().get(0).path("message").asText()).isEqualTo("Best CSAT of all sites!");
    assertThat(notices.json().get(0).path("kind").asText()).isEqualTo("RECOGNITION");
    assertThat(api.get(otherLead, "/api/vendors/" + vendor + "/notices").status()).isEqualTo(404);
    assertThat(api.get(otherLead, "/api/vendors/" + otherVendor + "/notices").json()).isEmpty();

    // closing the action item in the risk log completes its task; the review then ends
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
    Api.Response done = patch(rm, "/api/risks/" + riskId, Map.of("status", "DONE"));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    runJobs(instance);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isZero();
    assertThat(api.get(rm, "/api/reviews/" + reviewId).json().path("status").asText())
        .isEqualTo("HELD");
  }

  @Test
  void theRiskLogValidatesScopesAndShowsOverdueItems() {
    Api.Response created =
        api.post(
            rm,
            "/api/vendors/" + vendor + "/risks",
            Map.of(
                "title",
                "Night shift understaffed",
                "owner",
                rm,
                "severity",
                "HIGH",
                "dueDate",
                today(-3)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String overdueId = created.json().path("id").asText();
    assertThat(created.json().path("overdue").asBoolean()).isTrue();
    assertThat(created.json().path("source").asText()).isEqualTo("MANUAL");
    Api.Response later =
        api.post(
            rm,
            "/api/vendors/" + vendor + "/risks",
            Map.of("title", "KB refresh", "owner", rm, "severity", "low", "dueDate", today(5)));
    assertThat(later.status()).as(later.body()).isEqualTo(201);

    // validation: every bad field named
    JsonNode problem =
        Problems.assertProblem(
            api.post(
                rm,
                "/api/vendors/" + vendor + "/risks",
                Map.of("owner", "nobody-x", "severity", "HUGE", "dueDate", "31/12/2026")),
            422);
    assertThat(Problems.errorFields(problem))
        .containsExactlyInAnyOrder("title", "owner", "severity", "dueDate");

    // a lead reads their own vendor's log, not another's, and may not write or list all
    assertThat(api.get(lead, "/api/vendors/" + vendor + "/risks").json()).hasSize(2);
    assertThat(api.get(otherLead, "/api/vendors/" + vendor + "/risks").status()).isEqualTo(404);
    assertThat(
            api.post(
                    lead,
                    "/api/vendors/" + vendor + "/risks",
                    Map.of("title", "x", "owner", rm, "severity", "LOW"))
                .status())
        .isEqualTo(403);
    assertThat(api.get(lead, "/api/risks?overdue=true").status()).isEqualTo(403);

    JsonNode overdue = api.get(rm, "/api/vendors/" + vendor + "/risks?overdue=true").json();
    assertThat(overdue).hasSize(1);
    assertThat(overdue.get(0).path("id").asText()).isEqualTo(overdueId);
    assertThat(
            api.get(rm, "/api/risks?overdue=true").json().findValues("id").stream()
                .map(JsonNode::asText)
                .toList())
        .contains(overdueId);

    // patch: validation, then a new owner and status
    Problems.assertProblem(patch(rm, "/api/risks/" + overdueId, Map.of("status", "MAYBE")), 422);
    Problems.assertProblem(patch(rm, "/api/risks/" + overdueId, Map.of()), 422);
    assertThat(patch(lead, "/api/risks/" + overdueId, Map.of("status", "DONE")).status())
        .isEqualTo(403);
    Api.Response patched =
        patch(rm, "/api/risks/" + overdueId, Map.of("status", "IN_PROGRESS", "dueDate", today(2)));
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(patched.json().path("overdue").asBoolean()).isFalse();
    assertThat(api.get(rm, "/api/vendors/" + vendor + "/risks?overdue=true").json()).isEmpty();
    assertThat(api.get(rm, "/api/vendors/" + vendor + "/risks?status=IN_PROGRESS").json())
        .hasSize(1);
  }

  @Test
  void anEscalationResolvedWithARootCauseCreatesOneRiskItem() {
    JsonNode escalation = flow.fileOk(lead, vendor, "P2");
    String escalationId = escalation.path("id").asText();
    escalationService.recordResolution(
        escalationId, rm, "Macro fixed", "KNOWLEDGE_BASE", "refunds");
    escalationService.recordResolution(
        escalationId, rm, "Macro fixed", "KNOWLEDGE_BASE", "refunds");

    JsonNode risks = api.get(lead, "/api/vendors/" + vendor + "/risks").json();
    assertThat(risks).hasSize(1);
    assertThat(risks.get(0).path("source").asText()).isEqualTo("ESCALATION_ROOT_CAUSE");
    assertThat(risks.get(0).path("sourceRef").asText()).isEqualTo(escalationId);
    assertThat(risks.get(0).path("severity").asText()).isEqualTo("HIGH");
    assertThat(risks.get(0).path("owner").asText()).isEqualTo(rm);
    assertThat(risks.get(0).path("title").asText()).contains("KNOWLEDGE_BASE");
  }
}
