package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.review.QuarterlyReviewProcess;
import dev.steward.support.Api;
import dev.steward.support.JobRunner;
import dev.steward.support.PostgresIntegrationTest;
import dev.steward.support.Problems;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import dev.steward.transition.TransitionProcess;
import dev.steward.vendor.VendorLifecycleProcess;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The acceptance test of the transition issue: one API test that takes a vendor from a poor quarter
 * through an approved transition on the real embedded PostgreSQL, then checks that the decision
 * record lists each step. Everything goes through the public HTTP API with the real processes,
 * delegates, forms and DMN table; the job executor is off in the tests, so the test plays it:
 * {@link #runJobs()} runs the async continuations and the parallel-run timer is fired with the
 * {@link ManagementService} (the runtime service only finds the instances whose jobs to run).
 *
 * <p>The story: an RM registers an operating vendor and its successor. The outgoing vendor scores
 * 59.15 in the quarter before last and 54.61 in the last full quarter: below 70 twice running, so
 * the QBR table proposes a transition. The RM holds the QBR on demand (with one action item); the
 * review slice publishes {@code TransitionProposed} and the transition slice starts the transition.
 * The RM names the successor, two different executives approve (the first may not approve twice),
 * the outgoing vendor enters TRANSITION, the RM completes the plan's four checklists, the parallel
 * run ends, an executive approves the cut-over and the outgoing vendor is OFFBOARDED while the
 * successor keeps OPERATING. The decision record, as JSON and as CSV, lists the QBR outcome, both
 * approvals and the cut-over; the vendor's own BPO lead may not read it.
 */
@PostgresIntegrationTest
class TransitionJourneyOnPostgresIT {

  private static final String CSV_HEADER =
      "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,csat,nps,ces\n";

  private static final int PARALLEL_RUN_DAYS = 14;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  Api api;
  Workflow flow;
  TestWorld world;

  String rm;
  String executive1;
  String executive2;
  String lead;
  String outgoingId;
  String outgoingCode;
  String successorId;
  String successorCode;

  @Test
  void aPoorQuarterLeadsThroughAnApprovedTransitionToOffboardingAndEveryStepIsOnRecord() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    YearMonth currentQuarter = quarterStart(YearMonth.now(ZoneOffset.UTC));
    YearMonth lastQuarter = currentQuarter.minusMonths(3);
    YearMonth quarterBefore = currentQuarter.minusMonths(6);

    // --- 1. the people (the lead once the vendor exists)
    rm = world.user("trj-rm", "RELATIONSHIP_MANAGER", null);
    executive1 = world.user("trj-exec-1", "EXECUTIVE", null);
    executive2 = world.user("trj-exec-2", "EXECUTIVE", null);

    // --- 2. the RM registers the outgoing vendor and its successor, both operating
    outgoingCode = world.unique("TRJ-OUT");
    successorCode = world.unique("TRJ-NEW");
    outgoingId = register(outgoingCode);
    successorId = register(successorCode);
    lead = world.user("trj-lead", "BPO_LEAD", outgoingId);
    runJobs();
    for (String id : List.of(outgoingId, successorId)) {
      JsonNode lifecycle = lifecycle(id);
      assertThat(lifecycle.path("phase").asText()).isEqualTo("OPERATING");
      assertThat(lifecycle.path("active").asBoolean()).isTrue();
      assertThat(texts(lifecycle.path("currentSteps"))).contains("Await offboarding");
    }

    // --- 3. two poor quarters of interactions
    // the quarter before last, four contacts, by hand on the default scorecard:
    //   CSAT 5,4,2,1 → 2 of 4 satisfied = 50 %   → 100 × 50 / 85                = 58.8235
    //   NPS 10,8,5,3 → (1 − 2) / 4 = −25         → 100 × (−25 + 100) / 140      = 53.5714
    //   CES 4,3,4,3  → 3.5                        → 100 × (3.5 − 1) / 4.5        = 55.5556
    //   FCR 2 of 4   → 50 %                       → 100 × 50 / 75                = 66.6667
    //   AHT 4 × 500  → 500 s                      → 100 × (720 − 500) / 360      = 61.1111
    //   total (58.8235 + 53.5714 + 55.5556 + 66.6667 + 61.1111) / 5 = 59.1457 → 59.15
    // the last full quarter, four contacts (the first at its first instant, the last at its last
    // second):
    //   CSAT 4,2,1,1 → 1 of 4 = 25 %              → 100 × 25 / 85                = 29.4118
    //   NPS 10,7,7,0 → (1 − 1) / 4 = 0            → 100 × (0 + 100) / 140        = 71.4286
    //   CES 5,3,2,2  → 3.0                        → 100 × (3 − 1) / 4.5          = 44.4444
    //   FCR 2 of 4   → 50 %                       → 100 × 50 / 75                = 66.6667
    //   AHT 400,600,800,200 → 500 s               → 100 × (720 − 500) / 360      = 61.1111
    //   total (29.4118 + 71.4286 + 44.4444 + 66.6667 + 61.1111) / 5 = 54.6125 → 54.61
    // a contact scoring 0 on every KPI at the first instant of the current quarter belongs to
    // neither (it would pull the last quarter down), and one like it today is inside the parallel
    // run that starts today
    LocalDate b = quarterBefore.atDay(1);
    LocalDate l = lastQuarter.atDay(1);
    Instant currentStart = currentQuarter.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    String csv =
        CSV_HEADER
            + row("TRJ-P1", "PHONE", at(b.plusDays(9), 9), 500, true, 5, 10, 4)
            + row("TRJ-P2", "CHAT", at(b.plusMonths(1).plusDays(4), 14), 500, true, 4, 8, 3)
            + row("TRJ-P3", "EMAIL", at(b.plusMonths(2).plusDays(2), 11), 500, false, 2, 5, 4)
            + row(
                "TRJ-P4",
                "PHONE",
                l.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1),
                500,
                false,
                1,
                3,
                3)
            + row(
                "TRJ-L1", "PHONE", l.atStartOfDay().toInstant(ZoneOffset.UTC), 400, true, 4, 10, 5)
            + row("TRJ-L2", "CHAT", at(l.plusMonths(1).plusDays(6), 10), 600, false, 2, 7, 3)
            + row("TRJ-L3", "EMAIL", at(l.plusMonths(2).plusDays(1), 16), 800, true, 1, 7, 2)
            + row("TRJ-L4", "PHONE", currentStart.minusSeconds(1), 200, false, 1, 0, 2)
            + row("TRJ-C1", "PHONE", currentStart, 720, false, 1, 0, 1)
            + row("TRJ-T1", "PHONE", at(today, 0), 720, false, 2, 6, 1);
    Api.Response imported =
        api.postRaw(rm, "/api/vendors/" + outgoingId + "/interactions", csv, "text/csv");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("inserted").asInt()).isEqualTo(10);
    // the successor has one excellent contact today: every KPI at or beyond target → 100
    Api.Response successorImport =
        api.postRaw(
            rm,
            "/api/vendors/" + successorId + "/interactions",
            CSV_HEADER + row("TRJ-S1", "CHAT", at(today, 0), 300, true, 5, 10, 7),
            "text/csv");
    assertThat(successorImport.status()).as(successorImport.body()).isEqualTo(200);

    String beforeLabel = label(quarterBefore);
    String lastLabel = label(lastQuarter);
    JsonNode before = scorecard(beforeLabel);
    assertThat(before.path("interactions").asLong()).isEqualTo(4);
    assertKpi(before, "csat", "50.00", "58.82");
    assertKpi(before, "nps", "-25.00", "53.57");
    assertKpi(before, "ces", "3.50", "55.56");
    assertKpi(before, "fcr", "50.00", "66.67");
    assertKpi(before, "aht", "500.00", "61.11");
    assertThat(before.path("total").decimalValue()).isEqualByComparingTo("59.15");
    JsonNode last = scorecard(lastLabel);
    assertThat(last.path("interactions").asLong()).isEqualTo(4);
    assertKpi(last, "csat", "25.00", "29.41");
    assertKpi(last, "nps", "0.00", "71.43");
    assertKpi(last, "ces", "3.00", "44.44");
    assertKpi(last, "fcr", "50.00", "66.67");
    assertKpi(last, "aht", "500.00", "61.11");
    assertThat(last.path("total").decimalValue()).isEqualByComparingTo("54.61");

    // --- 4. the QBR of the last full quarter, on demand
    Api.Response started =
        api.post(rm, "/api/vendors/" + outgoingId + "/reviews", Map.of("period", lastLabel));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String reviewId = started.json().path("id").asText();
    assertThat(started.json().path("status").asText()).isEqualTo("PREPARING");
    runJobs();

    // below 70 for the second quarter running (59.15, then 54.61): the table proposes a transition
    JsonNode review = review(reviewId);
    assertThat(review.path("status").asText()).isEqualTo("AWAITING_QBR");
    assertThat(review.path("outcome").asText()).isEqualTo("PROPOSE_TRANSITION");
    assertThat(review.path("total").decimalValue()).isEqualByComparingTo("54.61");
    assertThat(review.path("previousTotal").decimalValue()).isEqualByComparingTo("59.15");
    JsonNode facts = review.path("facts");
    assertThat(facts.path("period").asText()).isEqualTo(lastLabel);
    assertThat(facts.path("interactions").asLong()).isEqualTo(4);
    assertThat(facts.path("total").decimalValue()).isEqualByComparingTo("54.61");
    assertThat(facts.path("previousPeriod").asText()).isEqualTo(beforeLabel);
    assertThat(facts.path("previousTotal").decimalValue()).isEqualByComparingTo("59.15");

    JsonNode hold = task(rm, QuarterlyReviewProcess.Elements.HOLD_QBR);
    assertThat(hold.path("businessKey").asText()).isEqualTo(reviewId);
    assertThat(flow.tasks(lead)).as("the vendor's lead holds no QBR").isEmpty();
    complete(
        rm,
        hold.path("id").asText(),
        Map.of(
            "qbrNotes",
            "Second poor quarter: CSAT 25 %, promised fixes did not land",
            "actionItems",
            List.of(
                Map.of(
                    "title",
                    "Hand over open cases list",
                    "owner",
                    rm,
                    "dueDate",
                    today.plusDays(7).toString(),
                    "severity",
                    "HIGH"))));
    runJobs();
    JsonNode held = review(reviewId);
    assertThat(held.path("status").asText()).isEqualTo("HELD");
    assertThat(held.path("heldBy").asText()).isEqualTo(rm);
    JsonNode risks = ok(api.get(rm, "/api/vendors/" + outgoingId + "/risks"));
    assertThat(risks.findValuesAsText("sourceRef")).containsExactly(reviewId + "#1");

    // the review slice published TransitionProposed; the transition slice started the transition
    JsonNode transitions = ok(api.get(rm, "/api/vendors/" + outgoingId + "/transitions"));
    assertThat(transitions).hasSize(1);
    String transitionId = transitions.get(0).path("id").asText();
    JsonNode proposed = transition(transitionId);
    assertThat(proposed.path("source").asText()).isEqualTo("REVIEW");
    assertThat(proposed.path("reviewId").asText()).isEqualTo(reviewId);
    assertThat(proposed.path("status").asText()).isEqualTo("PROPOSED");
    assertThat(proposed.path("proposedBy").asText()).isEqualTo(rm);
    assertThat(proposed.path("successorVendorId").isNull()).isTrue();
    assertThat(proposed.path("reason").asText()).contains(lastLabel, "balanced score 54.61");

    // --- 5. the transition: the RM names the successor, two executives approve
    complete(
        rm,
        taskFor(rm, TransitionProcess.Elements.COMPLETE_PROPOSAL),
        Map.of("successorVendorCode", successorCode, "parallelRunDays", PARALLEL_RUN_DAYS));
    JsonNode named = transition(transitionId);
    assertThat(named.path("successorVendorId").asText()).isEqualTo(successorId);
    assertThat(named.path("parallelRunDays").asInt()).isEqualTo(PARALLEL_RUN_DAYS);

    complete(
        executive1,
        taskFor(executive1, TransitionProcess.Elements.FIRST_APPROVAL),
        approve("Two quarters below 70, the successor is live already"));
    String secondApproval = taskFor(executive1, TransitionProcess.Elements.SECOND_APPROVAL);
    JsonNode twice =
        Problems.assertProblem(
            flow.complete(executive1, secondApproval, approve("Approving again")), 409);
    assertThat(twice.path("detail").asText()).contains("different executive");
    assertThat(taskFor(executive2, TransitionProcess.Elements.SECOND_APPROVAL))
        .isEqualTo(secondApproval);
    complete(executive2, secondApproval, approve("Agreed: the scores do not recover"));
    JsonNode approved = transition(transitionId);
    assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.path("approvals").findValuesAsText("approvedBy"))
        .containsExactly(executive1, executive2);
    runJobs();
    assertThat(phase(outgoingId)).isEqualTo("TRANSITION");
    // the vendor's own BPO lead may not read its decision record, in either form
    assertThat(api.get(lead, "/api/vendors/" + outgoingId + "/decisions").status()).isEqualTo(403);
    assertThat(api.get(lead, "/api/vendors/" + outgoingId + "/decisions?format=csv").status())
        .isEqualTo(403);
    assertThat(phase(successorId)).isEqualTo("OPERATING");

    // the plan: four checklists, every item ticked
    Map<String, Map<String, Object>> checklists = checklists();
    assertThat(taskKeys(rm)).containsAll(checklists.keySet());
    checklists.forEach((taskKey, fields) -> complete(rm, taskFor(rm, taskKey), fields));
    runJobs();
    JsonNode running = transition(transitionId);
    assertThat(running.path("status").asText()).isEqualTo("PARALLEL_RUN");
    assertThat(running.path("parallelRun").path("start").asText()).isEqualTo(today.toString());
    LocalDate runEnd = today.plusDays(PARALLEL_RUN_DAYS);
    assertThat(running.path("parallelRun").path("endExclusive").asText())
        .isEqualTo(runEnd.toString());

    // the parallel run ends (the test fires its timer); both vendors are compared over it:
    // the outgoing vendor's contact today scores 0 on every KPI, the successor's 100
    Job runEnds = parallelRunTimer(running.path("processInstanceId").asText());
    assertThat(runEnds.getDuedate().toInstant())
        .isEqualTo(runEnd.atStartOfDay().toInstant(ZoneOffset.UTC));
    managementService.executeJob(runEnds.getId());
    runJobs();
    JsonNode compared = transition(transitionId);
    assertThat(compared.path("status").asText()).isEqualTo("AWAITING_CUT_OVER");
    assertThat(compared.path("parallelRun").path("outgoingScore").decimalValue())
        .isEqualByComparingTo("0");
    assertThat(compared.path("parallelRun").path("successorScore").decimalValue())
        .isEqualByComparingTo("100");

    // an executive approves the cut-over: the outgoing vendor's lifecycle offboards it
    complete(
        executive2,
        taskFor(executive2, TransitionProcess.Elements.APPROVE_CUT_OVER),
        Map.of(
            "cutOverDecision",
            TransitionProcess.CUT_OVER,
            "cutOverReason",
            "The successor scored 100 over the parallel run"));
    runJobs();
    JsonNode done = transition(transitionId);
    assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("cutOver").path("approvedBy").asText()).isEqualTo(executive2);
    assertThat(done.path("cutOver").path("outgoingLeadAccounts").asText()).isEqualTo(lead);
    assertThat(phase(outgoingId)).isEqualTo("OFFBOARDED");
    JsonNode offboarded = lifecycle(outgoingId);
    assertThat(offboarded.path("active").asBoolean()).isFalse();
    assertThat(offboarded.path("currentSteps")).isEmpty();
    assertThat(offboarded.path("phases").findValuesAsText("phase"))
        .containsExactly("OPERATING", "TRANSITION", "OFFBOARDED");
    assertThat(phase(successorId)).isEqualTo("OPERATING");
    JsonNode successorLifecycle = lifecycle(successorId);
    assertThat(successorLifecycle.path("active").asBoolean()).isTrue();
    assertThat(successorLifecycle.path("phases").findValuesAsText("phase"))
        .containsExactly("OPERATING");

    // --- 6. the decision record lists each step, oldest first
    Api.Response record = api.get(executive1, "/api/vendors/" + outgoingId + "/decisions");
    assertThat(record.status()).as(record.body()).isEqualTo(200);
    JsonNode decisions = record.json();
    assertThat(decisions.findValuesAsText("kind"))
        .containsExactly(
            "QBR_OUTCOME", "TRANSITION_APPROVAL", "TRANSITION_APPROVAL", "TRANSITION_CUT_OVER");
    assertThat(decisions.findValuesAsText("outcome"))
        .containsExactly("PROPOSE_TRANSITION", "APPROVED", "APPROVED", "CUT_OVER");
    assertThat(decisions.findValuesAsText("decidedBy"))
        .containsExactly(rm, executive1, executive2, executive2);
    assertThat(decisions.findValuesAsText("taskName"))
        .containsExactly(
            "Prepare and hold QBR",
            "First executive approval",
            "Second executive approval",
            "Approve the cut-over");
    assertThat(decisions.findValuesAsText("subjectId"))
        .containsExactly(reviewId, transitionId, transitionId, transitionId);
    JsonNode qbr = decisions.get(0);
    assertThat(qbr.path("inputs").asText())
        .contains(lastLabel, "balanced score 54.61", beforeLabel + " 59.15", "PROPOSE_TRANSITION");
    assertThat(qbr.path("reason").asText()).startsWith("Second poor quarter");
    assertThat(qbr.path("processDefinitionKey").asText())
        .isEqualTo(QuarterlyReviewProcess.PROCESS_KEY);
    assertThat(decisions.get(1).path("inputs").asText()).contains("balanced score 54.61");
    assertThat(decisions.get(2).path("reason").asText())
        .isEqualTo("Agreed: the scores do not recover");
    assertThat(decisions.get(3).path("inputs").asText()).contains(successorCode);
    for (int i = 1; i < 4; i++) {
      assertThat(decisions.get(i).path("processDefinitionKey").asText())
          .isEqualTo(TransitionProcess.PROCESS_KEY);
    }
    List<Instant> decidedAt = new ArrayList<>();
    decisions.forEach(d -> decidedAt.add(Instant.parse(d.path("decidedAt").asText())));
    assertThat(decidedAt).isSorted();
    decisions.forEach(d -> assertThat(d.path("taskId").asText()).isNotBlank());

    // the same as CSV
    Api.Response csvRecord =
        api.send(
            executive2,
            "GET",
            "/api/vendors/" + outgoingId + "/decisions",
            null,
            null,
            Map.of("Accept", "text/csv"));
    assertThat(csvRecord.status()).as(csvRecord.body()).isEqualTo(200);
    assertThat(csvRecord.contentType()).startsWith("text/csv");
    assertThat(csvRecord.header("Content-Disposition"))
        .contains("attachment", "decisions-" + outgoingCode + ".csv");
    List<CSVRecord> rows = parseCsv(csvRecord.body());
    assertThat(rows).hasSize(decisions.size());
    for (int i = 0; i < rows.size(); i++) {
      CSVRecord row = rows.get(i);
      JsonNode decision = decisions.get(i);
      for (String column :
          List.of(
              "kind",
              "outcome",
              "decidedBy",
              "decidedByName",
              "reason",
              "inputs",
              "processInstanceId",
              "processDefinitionKey",
              "taskId",
              "taskName",
              "subjectId")) {
        assertThat(row.get(column))
            .as("row %d, %s", i, column)
            .isEqualTo(decision.path(column).asText());
      }
      for (String column : List.of("decidedAt", "processStartedAt")) {
        assertThat(Instant.parse(row.get(column)))
            .as("row %d, %s", i, column)
            .isEqualTo(Instant.parse(decision.path(column).asText()));
      }
    }

    // the offboarded vendor's lead lost every role at the cut-over: they cannot even sign in
    assertThat(api.get(lead, "/api/vendors/" + outgoingId + "/decisions").status()).isEqualTo(401);
    assertThat(api.get(lead, "/api/vendors/" + outgoingId).status()).isEqualTo(401);

    // the QBR's action item is the last open work: once the RM closes it in the risk log, the
    // review ends too, and nothing of the outgoing vendor runs any more
    String riskId = risks.get(0).path("id").asText();
    Api.Response closed =
        api.send(
            rm,
            "PATCH",
            "/api/risks/" + riskId,
            Map.of("status", "DONE"),
            "application/json",
            Map.of());
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    runJobs();
    assertThat(review(reviewId).path("status").asText()).isEqualTo("HELD");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(TransitionProcess.VENDOR_ID.name(), outgoingId)
                .count())
        .isZero();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(outgoingId)
                .count())
        .isZero();
    assertThat(flow.tasks(rm)).noneMatch(t -> outgoingId.equals(t.path("vendorId").asText()));
  }

  // --- the people's actions

  private String register(String code) {
    Map<String, Object> body = TestWorld.vendorBody(code);
    body.put("relationshipManager", rm);
    body.put("lifecyclePhase", "OPERATING");
    Api.Response created = api.post(rm, "/api/vendors", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private static Map<String, Object> approve(String reason) {
    return Map.of("approvalDecision", TransitionProcess.APPROVE, "approvalReason", reason);
  }

  /** The plan's four checklists with every item ticked, by task key. */
  private static Map<String, Map<String, Object>> checklists() {
    Map<String, Map<String, Object>> forms = new LinkedHashMap<>();
    forms.put(
        TransitionProcess.Elements.KNOWLEDGE_TRANSFER,
        Map.of(
            TransitionProcess.KNOWLEDGE_TRANSFERRED.name(),
            List.of("SOPS", "MACROS", "OPEN_CASES", "ESCALATION_CONTACTS", "TRAINING_MATERIAL")));
    forms.put(
        TransitionProcess.Elements.CUSTOMER_COMMUNICATION,
        Map.of(
            TransitionProcess.CUSTOMER_COMMUNICATION_PLANNED.name(),
            List.of("MESSAGE_APPROVED", "ROUTING_PLANNED", "FAQ_UPDATED", "DATES_PUBLISHED")));
    forms.put(
        TransitionProcess.Elements.ACCESS_REVOCATION,
        Map.of(
            TransitionProcess.ACCESS_REVOCATION_PLANNED.name(),
            List.of("CRM", "TELEPHONY", "TICKETING", "KNOWLEDGE_BASE", "SINGLE_SIGN_ON")));
    forms.put(
        TransitionProcess.Elements.CONTRACT_NOTICE,
        Map.of(
            TransitionProcess.CONTRACT_NOTICE_GIVEN.name(),
            List.of("NOTICE_SENT", "EXIT_TERMS_CONFIRMED", "FINAL_INVOICE_AGREED")));
    return forms;
  }

  // --- tasks

  /** The caller's open tasks with that key, of the outgoing vendor. */
  private List<JsonNode> tasksFor(String user, String taskKey) {
    return flow.tasks(user).stream()
        .filter(t -> taskKey.equals(t.path("taskKey").asText()))
        .filter(t -> outgoingId.equals(t.path("vendorId").asText()))
        .toList();
  }

  private JsonNode task(String user, String taskKey) {
    List<JsonNode> tasks = tasksFor(user, taskKey);
    assertThat(tasks).as("%s's open %s", user, taskKey).hasSize(1);
    return tasks.get(0);
  }

  private String taskFor(String user, String taskKey) {
    return task(user, taskKey).path("id").asText();
  }

  private void complete(String user, String taskId, Map<String, ?> body) {
    flow.completeOk(user, taskId, body);
  }

  private List<String> taskKeys(String user) {
    return flow.tasks(user).stream()
        .filter(t -> outgoingId.equals(t.path("vendorId").asText()))
        .map(t -> t.path("taskKey").asText())
        .toList();
  }

  // --- the job executor, played by the test

  /**
   * Runs the async continuations (not the timers) of both vendors' lifecycles, of every process
   * concerning them (reviews, transitions) and of every process those called, until none is left.
   */
  private void runJobs() {
    new JobRunner(runtimeService, managementService).runJobs(this::roots);
  }

  private List<String> roots() {
    List<String> roots = new ArrayList<>();
    for (String vendor : List.of(outgoingId, successorId)) {
      roots.addAll(
          new JobRunner(runtimeService, managementService)
              .instances(VendorLifecycleProcess.PROCESS_KEY, vendor));
      runtimeService
          .createProcessInstanceQuery()
          .variableValueEquals(TransitionProcess.VENDOR_ID.name(), vendor)
          .list()
          .forEach(p -> roots.add(p.getId()));
    }
    return roots;
  }

  private Job parallelRunTimer(String transitionInstanceId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(transitionInstanceId)
            .timers()
            .activityId(TransitionProcess.Elements.TIMER_PARALLEL_RUN_ENDED)
            .singleResult();
    assertThat(job).as("parallel-run timer").isNotNull();
    return job;
  }

  // --- reads

  private String phase(String id) {
    return ok(api.get(rm, "/api/vendors/" + id)).path("lifecyclePhase").asText();
  }

  private JsonNode lifecycle(String id) {
    return ok(api.get(rm, "/api/vendors/" + id + "/lifecycle"));
  }

  private JsonNode scorecard(String period) {
    return ok(api.get(rm, "/api/vendors/" + outgoingId + "/scorecard?period=" + period));
  }

  private JsonNode review(String reviewId) {
    return ok(api.get(rm, "/api/reviews/" + reviewId));
  }

  private JsonNode transition(String transitionId) {
    return ok(api.get(rm, "/api/transitions/" + transitionId));
  }

  private static void assertKpi(JsonNode card, String key, String value, String score) {
    JsonNode kpi = card.path("kpis").path(key);
    assertThat(kpi.path("value").decimalValue()).as("%s value", key).isEqualByComparingTo(value);
    assertThat(kpi.path("score").decimalValue()).as("%s score", key).isEqualByComparingTo(score);
  }

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(e -> texts.add(e.asText()));
    return texts;
  }

  private static List<CSVRecord> parseCsv(String text) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      return parser.getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- periods and payloads

  private static YearMonth quarterStart(YearMonth month) {
    return YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
  }

  private static String label(YearMonth quarterStart) {
    return quarterStart.getYear() + "-Q" + ((quarterStart.getMonthValue() - 1) / 3 + 1);
  }

  private static Instant at(LocalDate day, int hourUtc) {
    return day.atTime(hourUtc, 0).toInstant(ZoneOffset.UTC);
  }

  private static String row(
      String id,
      String channel,
      Instant startedAt,
      int handleSeconds,
      boolean resolved,
      int csat,
      int nps,
      int ces) {
    return String.join(
            ",",
            id,
            "agent-" + id.charAt(id.length() - 1),
            channel,
            startedAt.toString(),
            String.valueOf(handleSeconds),
            String.valueOf(resolved),
            String.valueOf(csat),
            String.valueOf(nps),
            String.valueOf(ces))
        + "\n";
  }
}
