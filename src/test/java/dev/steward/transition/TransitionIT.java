package dev.steward.transition;

import static dev.steward.support.Problems.assertProblem;
import static dev.steward.support.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.platform.DecisionLog;
import dev.steward.review.TransitionProposed;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import dev.steward.transition.TransitionProcess.Elements;
import dev.steward.vendor.VendorLifecycleProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A vendor transition over real HTTP with the real delegates, engine and lifecycle: proposal,
 * four-eyes approvals through /api/tasks, the outgoing vendor's lifecycle entering TRANSITION, the
 * plan checklists, the parallel-run timer, the comparison and the cut-over that offboards the
 * outgoing vendor; rejections; a quarterly review's proposal event. The job executor is off: the
 * test runs the async jobs of the transition and both lifecycles itself. Run on H2 and PostgreSQL
 * by the subclasses.
 */
abstract class TransitionIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired DecisionLog decisionLog;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcTemplate jdbc;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String erin;
  String victor;
  String outgoing;
  String successor;
  String successorCode;
  String outgoingLead;
  String successorLead;

  @BeforeEach
  void createWorld() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("tr-rm", "RELATIONSHIP_MANAGER", null);
    erin = world.user("tr-erin", "EXECUTIVE", null);
    victor = world.user("tr-victor", "EXECUTIVE", null);
    outgoing = register("TR-OUT", "OPERATING");
    successorCode = world.unique("TR-NEW");
    successor = registerWithCode(successorCode, "OPERATING");
    outgoingLead = world.user("tr-lead-out", "BPO_LEAD", outgoing);
    successorLead = world.user("tr-lead-new", "BPO_LEAD", successor);
    runJobs();
    assertThat(runtimeService.getActiveActivityIds(lifecycleOf(outgoing).getId()))
        .contains(VendorLifecycleProcess.Elements.AWAIT_OFFBOARDING);
  }

  @Test
  void fromProposalToCutOverTheOutgoingVendorEndsOffboarded() {
    // invalid proposals: 422 naming the field; a vendor that is not operating: 409
    assertThat(
            errorFields(assertProblem(propose(rm, outgoing, body("Poor CSAT", null, false)), 422)))
        .containsExactly("successorVendorId");
    assertThat(
            errorFields(
                assertProblem(propose(rm, outgoing, body("Poor CSAT", successor, true)), 422)))
        .containsExactly("newEvaluation");
    assertThat(
            errorFields(
                assertProblem(propose(rm, outgoing, body("Poor CSAT", outgoing, false)), 422)))
        .containsExactly("successorVendorId");
    String candidate = register("TR-CAND", "EVALUATION");
    assertProblem(propose(rm, candidate, body("Not live", successor, false)), 409);
    assertThat(propose(outgoingLead, outgoing, body("Poor CSAT", successor, false)).status())
        .isEqualTo(403);

    Api.Response created =
        propose(rm, outgoing, body("CSAT below target for 3 quarters", successor, false));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(created.json().path("status").asText()).isEqualTo("PROPOSED");
    assertThat(created.json().path("successorVendorCode").asText()).isEqualTo(successorCode);
    assertThat(created.json().path("parallelRunDays").asInt()).isEqualTo(30);
    // one open transition per vendor
    assertProblem(propose(rm, outgoing, body("Again", successor, false)), 409);
    // leads of either vendor never see it
    assertProblem(api.get(outgoingLead, "/api/transitions/" + id), 404);
    assertProblem(api.get(successorLead, "/api/transitions/" + id), 404);
    assertProblem(api.get(outgoingLead, "/api/vendors/" + outgoing + "/transitions"), 404);
    assertThat(flow.tasks(outgoingLead)).noneMatch(t -> id.equals(t.path("businessKey").asText()));

    // four-eyes: the proposer (also an executive here) may not approve
    identityService.createMembership(rm, "executives");
    try {
      JsonNode first = flow.requireTask(erin, id, Elements.FIRST_APPROVAL);
      String firstId = first.path("id").asText();
      JsonNode byProposer = assertProblem(flow.complete(rm, firstId, approve("APPROVE")), 409);
      assertThat(byProposer.path("detail").asText()).contains("proposed this transition");
      flow.completeOk(erin, firstId, approve("APPROVE"));

      // the same executive cannot approve twice
      String secondId = flow.requireTask(erin, id, Elements.SECOND_APPROVAL).path("id").asText();
      JsonNode twice = assertProblem(flow.complete(erin, secondId, approve("APPROVE")), 409);
      assertThat(twice.path("detail").asText()).contains("different executive");
      assertThat(flow.requireTask(victor, id, Elements.SECOND_APPROVAL).path("id").asText())
          .isEqualTo(secondId);
      // two different executives pass
      flow.completeOk(victor, secondId, approve("APPROVE"));
    } finally {
      identityService.deleteMembership(rm, "executives");
    }
    JsonNode approved = transition(id);
    assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.path("approvals").findValuesAsText("approvedBy"))
        .containsExactly(erin, victor);

    runJobs();
    assertThat(phaseOf(outgoing)).isEqualTo("TRANSITION");

    // the plan: four checklists, one refused while incomplete
    String contractTask = flow.requireTask(rm, id, Elements.CONTRACT_NOTICE).path("id").asText();
    assertThat(
            errorFields(
                assertProblem(
                    flow.complete(
                        rm, contractTask, Map.of("contractNoticeGiven", List.of("NOTICE_SENT"))),
                    422)))
        .containsExactly("contractNoticeGiven");
    CheckTransitionChecklistListener.CHECKLISTS.forEach(
        (taskKey, checklist) ->
            flow.completeOk(
                rm,
                flow.requireTask(rm, id, taskKey).path("id").asText(),
                Map.of(checklist.field().name(), checklist.items())));

    // the parallel run: 30 days from today; the test fires its timer
    JsonNode running = transition(id);
    assertThat(running.path("status").asText()).isEqualTo("PARALLEL_RUN");
    assertThat(running.path("parallelRun").path("start").asText())
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    fireParallelRunTimer(id);
    runJobs();

    JsonNode compared = transition(id);
    assertThat(compared.path("status").asText()).isEqualTo("AWAITING_CUT_OVER");
    assertThat(compared.path("parallelRun").path("comparison").asText())
        .contains("both vendors scored with", successorCode, "balanced score");

    // not yet: the run is extended by 7 days, the timer waits again
    String notYet = flow.requireTask(erin, id, Elements.APPROVE_CUT_OVER).path("id").asText();
    assertThat(
            errorFields(
                assertProblem(
                    flow.complete(
                        erin,
                        notYet,
                        Map.of("cutOverDecision", "NOT_YET", "cutOverReason", "Too early")),
                    422)))
        .containsExactly("extensionDays");
    flow.completeOk(
        erin,
        notYet,
        Map.of("cutOverDecision", "NOT_YET", "cutOverReason", "Too early", "extensionDays", 7));
    JsonNode extended = transition(id);
    assertThat(extended.path("status").asText()).isEqualTo("PARALLEL_RUN");
    assertThat(extended.path("parallelRun").path("endExclusive").asText())
        .isEqualTo(
            LocalDate.parse(running.path("parallelRun").path("endExclusive").asText())
                .plusDays(7)
                .toString());
    fireParallelRunTimer(id);
    runJobs();

    // cut over: the outgoing vendor's lifecycle offboards it
    flow.completeOk(
        victor,
        flow.requireTask(victor, id, Elements.APPROVE_CUT_OVER).path("id").asText(),
        Map.of("cutOverDecision", "CUT_OVER", "cutOverReason", "Successor is ready"));
    runJobs();

    JsonNode done = transition(id);
    assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("cutOver").path("approvedBy").asText()).isEqualTo(victor);
    assertThat(done.path("cutOver").path("outgoingLeadAccounts").asText()).isEqualTo(outgoingLead);
    // the offboarded vendor's lead has lost every role: a user without a role cannot sign in
    assertThat(api.get(outgoingLead, "/api/vendors/" + outgoing).status()).isEqualTo(401);
    assertThat(api.get(outgoingLead, "/api/tasks").status()).isEqualTo(401);
    // the successor's lead keeps theirs
    assertThat(api.get(successorLead, "/api/vendors/" + successor).status()).isEqualTo(200);
    assertThat(phaseOf(outgoing)).isEqualTo("OFFBOARDED");
    assertThat(lifecycleOf(outgoing)).as("outgoing lifecycle ended").isNull();
    assertThat(phaseOf(successor)).isEqualTo("OPERATING");
    assertThat(lifecycleOf(successor)).as("successor lifecycle goes on").isNotNull();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(TransitionProcess.PROCESS_KEY)
                .processInstanceBusinessKey(id)
                .count())
        .isZero();

    // the decision record: both approvals (with the proposal they saw), not yet, the cut-over
    List<DecisionLog.Decision> decisions =
        decisionLog.of(outgoing).stream().filter(d -> id.equals(d.subjectId())).toList();
    assertThat(decisions)
        .extracting(
            DecisionLog.Decision::kind,
            DecisionLog.Decision::outcome,
            DecisionLog.Decision::decidedBy)
        .containsExactly(
            tuple(DecisionLog.Kind.TRANSITION_APPROVAL, "APPROVED", erin),
            tuple(DecisionLog.Kind.TRANSITION_APPROVAL, "APPROVED", victor),
            tuple(DecisionLog.Kind.TRANSITION_CUT_OVER, "NOT_YET", erin),
            tuple(DecisionLog.Kind.TRANSITION_CUT_OVER, "CUT_OVER", victor));
    assertThat(decisions.get(0).inputs())
        .contains("CSAT below target for 3 quarters", successorCode);
    assertThat(decisions.get(3).inputs()).contains("balanced score");
    assertThat(decisions).allSatisfy(d -> assertThat(d.taskId()).isNotBlank());

    // listed for the outgoing vendor
    Api.Response list = api.get(rm, "/api/vendors/" + outgoing + "/transitions");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().findValuesAsText("id")).containsExactly(id);
  }

  @Test
  void aRejectionByTheSecondExecutiveEndsTheTransitionAndTheVendorStaysOperating() {
    Api.Response created = propose(rm, outgoing, body("Tone issues", successor, false));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asText();
    flow.completeOk(
        erin,
        flow.requireTask(erin, id, Elements.FIRST_APPROVAL).path("id").asText(),
        approve("APPROVE"));

    flow.completeOk(
        victor,
        flow.requireTask(victor, id, Elements.SECOND_APPROVAL).path("id").asText(),
        Map.of("approvalDecision", "REJECT", "approvalReason", "Improvement plan first"));
    runJobs();

    JsonNode rejected = transition(id);
    assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.path("rejection").path("rejectedBy").asText()).isEqualTo(victor);
    assertThat(rejected.path("rejection").path("reason").asText())
        .isEqualTo("Improvement plan first");
    assertThat(phaseOf(outgoing)).isEqualTo("OPERATING");
    assertThat(
            decisionLog.of(outgoing).stream()
                .filter(d -> id.equals(d.subjectId()))
                .map(DecisionLog.Decision::outcome))
        .containsExactly("APPROVED", "REJECTED");
    // the rejection returns the vendor to an improvement plan: the RM agrees it
    Api.Response reviews = api.get(rm, "/api/vendors/" + outgoing + "/reviews");
    assertThat(reviews.status()).as(reviews.body()).isEqualTo(200);
    assertThat(reviews.json().findValuesAsText("kind")).containsExactly("IMPROVEMENT_PLAN");
    // the same rejection event again (a job run twice) starts no second plan
    TransitionRejected again =
        new TransitionRejected(outgoing, id, "Improvement plan first", victor, Instant.now());
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(tx -> events.publishEvent(again));
    assertThat(api.get(rm, "/api/vendors/" + outgoing + "/reviews").json().findValuesAsText("kind"))
        .containsExactly("IMPROVEMENT_PLAN");
    assertThat(flow.tasks(rm))
        .anyMatch(
            t ->
                "Task_AgreeImprovementPlan".equals(t.path("taskKey").asText())
                    && outgoing.equals(t.path("vendorId").asText()));
    // a new proposal is possible again
    assertThat(propose(rm, outgoing, body("Tone issues again", null, true)).status())
        .isEqualTo(201);
  }

  @Test
  void twoIdenticalReviewProposalsStartExactlyOneTransition() {
    String reviewId = world.unique("review");
    TransitionProposed proposed =
        new TransitionProposed(
            outgoing, reviewId, "Score below 60 two quarters running", "system", Instant.now());

    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    transactions.executeWithoutResult(tx -> events.publishEvent(proposed));
    transactions.executeWithoutResult(tx -> events.publishEvent(proposed));

    List<String> ids =
        jdbc.queryForList(
            "select id from vendor_transition where review_id = ?", String.class, reviewId);
    assertThat(ids).hasSize(1);
    JsonNode transition = transition(ids.get(0));
    assertThat(transition.path("source").asText()).isEqualTo("REVIEW");
    assertThat(transition.path("proposedBy").asText()).isEqualTo(rm);
    assertThat(transition.path("successorVendorId").isNull()).isTrue();
    // the RM names the successor (or a new evaluation) first
    String completeId =
        flow.requireTask(rm, ids.get(0), Elements.COMPLETE_PROPOSAL).path("id").asText();
    assertThat(
            errorFields(
                assertProblem(flow.complete(rm, completeId, Map.of("parallelRunDays", 20)), 422)))
        .containsExactly("successorVendorCode");
    flow.completeOk(
        rm, completeId, Map.of("successorVendorCode", successorCode, "parallelRunDays", 20));
    JsonNode completed = transition(ids.get(0));
    assertThat(completed.path("successorVendorId").asText()).isEqualTo(successor);
    assertThat(completed.path("parallelRunDays").asInt()).isEqualTo(20);
    assertThat(flow.task(erin, ids.get(0), Elements.FIRST_APPROVAL)).isPresent();
  }

  // --- helpers

  private Api.Response propose(String user, String vendorId, Map<String, Object> body) {
    return api.post(user, "/api/vendors/" + vendorId + "/transitions", body);
  }

  private static Map<String, Object> body(
      String reason, String successorId, boolean newEvaluation) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reason", reason);
    if (successorId != null) {
      body.put("successorVendorId", successorId);
    }
    body.put("newEvaluation", newEvaluation);
    return body;
  }

  private static Map<String, Object> approve(String decision) {
    return Map.of("approvalDecision", decision, "approvalReason", "Read the proposal");
  }

  private JsonNode transition(String id) {
    Api.Response response = api.get(rm, "/api/transitions/" + id);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private String register(String code, String phase) {
    return registerWithCode(world.unique(code), phase);
  }

  private String registerWithCode(String code, String phase) {
    Map<String, Object> body = new LinkedHashMap<>(TestWorld.vendorBody(code));
    body.put("lifecyclePhase", phase);
    body.put("relationshipManager", rm);
    Api.Response created = api.post(TestProperties.ADMIN, "/api/vendors", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private String phaseOf(String vendorId) {
    Api.Response vendor = api.get(rm, "/api/vendors/" + vendorId);
    assertThat(vendor.status()).as(vendor.body()).isEqualTo(200);
    return vendor.json().path("lifecyclePhase").asText();
  }

  private ProcessInstance lifecycleOf(String vendorId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(VendorLifecycleProcess.PROCESS_KEY)
        .processInstanceBusinessKey(vendorId)
        .singleResult();
  }

  private void fireParallelRunTimer(String transitionId) {
    Job timer =
        managementService
            .createJobQuery()
            .processInstanceId(
                runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey(TransitionProcess.PROCESS_KEY)
                    .processInstanceBusinessKey(transitionId)
                    .singleResult()
                    .getId())
            .timers()
            .activityId(Elements.TIMER_PARALLEL_RUN_ENDED)
            .singleResult();
    assertThat(timer).as("parallel-run timer").isNotNull();
    managementService.executeJob(timer.getId());
  }

  /**
   * Runs the async continuations (not the timers) of this test's transitions and of both vendors'
   * lifecycles, as the job executor would.
   */
  private void runJobs() {
    for (int i = 0; i < 100; i++) {
      List<String> instances = new ArrayList<>();
      for (String vendorId : List.of(outgoing, successor)) {
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(vendorId)
            .list()
            .forEach(p -> instances.add(p.getId()));
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(TransitionProcess.PROCESS_KEY)
            .variableValueEquals(TransitionProcess.VENDOR_ID.name(), vendorId)
            .list()
            .forEach(p -> instances.add(p.getId()));
      }
      Job next = null;
      for (String instanceId : instances) {
        List<Job> jobs =
            managementService
                .createJobQuery()
                .processInstanceId(instanceId)
                .messages()
                .executable()
                .listPage(0, 1);
        if (!jobs.isEmpty()) {
          next = jobs.get(0);
          break;
        }
      }
      if (next == null) {
        return;
      }
      managementService.executeJob(next.getId());
    }
    throw new AssertionError("async jobs keep coming");
  }
}
