package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.evaluation.EvaluationProcess;
import dev.steward.onboarding.OnboardingProcess;
import dev.steward.pilot.PilotProcess;
import dev.steward.qa.QaCycleProcess;
import dev.steward.support.Api;
import dev.steward.support.JobRunner;
import dev.steward.support.PostgresIntegrationTest;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import dev.steward.training.TrainingProcess;
import dev.steward.vendor.VendorLifecycleProcess;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One new vendor from evaluation to operating, the way its people work it: everything through the
 * public HTTP API on the real embedded PostgreSQL, with the real processes, delegates, forms and
 * DMN. The job executor is off in the tests, so the test plays it: {@link #runJobs()} runs the
 * async continuations, and the timers (pilot end, nesting period, QA cycle) are fired with the
 * {@link ManagementService}; the engine's API is used for nothing else (the runtime service only to
 * find the instances whose jobs to run).
 *
 * <p>The story: an RM registers two candidates; an executive and a QA analyst score them; the
 * executive picks ours for a pilot, the other ends REJECTED. The vendor's BPO lead uploads the
 * pilot's interactions; the RM plans the pilot in the previous calendar month (UTC), the scorecard
 * is computed and the executive says GO. Onboarding is split by the vendor's PARTIAL involvement
 * (the vendor recruits and runs the sessions, the brand the rest) and hands the vendor to its
 * account manager (a second RM); the two approved agents are trained and certified (one on the
 * retake) and checked proficient by the lead; the vendor operates, and its first monthly QA cycle
 * audits the pilot month.
 */
@PostgresIntegrationTest
class VendorJourneyOnPostgresIT {

  /** Vendors registered with TestWorld.vendorBody: PARTIAL involvement, Asia/Manila. */
  private static final ZoneId VENDOR_ZONE = ZoneId.of("Asia/Manila");

  private static final String ANA = "ana-01";
  private static final String BEN = "ben-02";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  Api api;
  Workflow flow;
  TestWorld world;

  String rm;
  String accountRm;
  String executive;
  String qa;
  String lead;
  String vendorId;
  String vendorCode;
  String otherId;
  String otherCode;
  String roundId;

  @Test
  void aVendorGoesFromEvaluationThroughPilotOnboardingAndTrainingToOperating() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    // the pilot runs in the month the first QA cycle will audit: the previous calendar month (UTC)
    YearMonth pilotMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

    // --- 1. the people
    rm = world.user("jrn-rm", "RELATIONSHIP_MANAGER", null);
    accountRm = world.user("jrn-account", "RELATIONSHIP_MANAGER", null);
    executive = world.user("jrn-exec", "EXECUTIVE", null);
    qa = world.user("jrn-qa", "QA_ANALYST", null);

    // --- 2. the RM registers two candidates; each gets its lifecycle, waiting for a selection
    vendorCode = world.unique("JRN-A");
    otherCode = world.unique("JRN-B");
    vendorId = register(vendorCode);
    otherId = register(otherCode);
    lead = world.user("jrn-lead", "BPO_LEAD", vendorId);
    for (String id : List.of(vendorId, otherId)) {
      JsonNode lifecycle = lifecycle(id);
      assertThat(lifecycle.path("phase").asText()).isEqualTo("EVALUATION");
      assertThat(lifecycle.path("active").asBoolean()).isTrue();
      assertThat(texts(lifecycle.path("currentSteps"))).containsExactly("Await selection");
    }

    // --- 3. the evaluation round
    Map<String, Object> round = new LinkedHashMap<>();
    round.put("name", world.unique("Journey round"));
    round.put(
        "criteria",
        List.of(
            criterion("quality", "Service quality", 40),
            criterion("language", "Language proficiency", 30),
            criterion("price", "Price", 30)));
    round.put("candidateVendorIds", List.of(vendorId, otherId));
    round.put("evaluators", List.of(executive, qa));
    round.put("dueAt", Instant.now().plus(7, ChronoUnit.DAYS).toString());
    Api.Response opened = api.post(rm, "/api/evaluations", round);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    roundId = opened.json().path("id").asText();
    assertThat(opened.json().path("status").asText()).isEqualTo("BIDDING");

    assertThat(bid(vendorId, "9000").status()).isEqualTo(200);
    assertThat(bid(otherId, "10000").status()).isEqualTo(200);
    complete(rm, taskFor(rm, EvaluationProcess.Elements.CONFIRM_BIDS), Map.of("bidsNote", "EUR"));
    assertThat(evaluation(rm).path("status").asText()).isEqualTo("SCORING");

    complete(
        executive,
        taskFor(executive, EvaluationProcess.Elements.SCORE_CANDIDATES),
        Map.of(
            "scores",
            List.of(
                score(vendorCode, "quality", 5),
                score(vendorCode, "language", 4),
                score(otherCode, "quality", 3),
                score(otherCode, "language", 3))));
    complete(
        qa,
        taskFor(qa, EvaluationProcess.Elements.SCORE_CANDIDATES),
        Map.of(
            "scores",
            List.of(
                score(vendorCode, "quality", 4),
                score(vendorCode, "language", 4),
                score(otherCode, "quality", 3),
                score(otherCode, "language", 4))));
    runJobs();

    // by hand, lowest bid 9,000:
    // ours:  quality 5,4 → 87.5; language 4,4 → 75; price 100 → (3500 + 2250 + 3000) / 100 = 87.5
    // other: quality 3,3 → 50; language 3,4 → 62.5; price 90 → (2000 + 1875 + 2700) / 100 = 65.75
    JsonNode ranking = api.get(executive, "/api/evaluations/" + roundId + "/ranking").json();
    assertThat(ranking.path("status").asText()).isEqualTo("RANKED");
    assertThat(ranking.path("ranking").findValuesAsText("vendorCode"))
        .containsExactly(vendorCode, otherCode);
    assertThat(ranking.path("ranking").get(0).path("total").decimalValue())
        .isEqualByComparingTo("87.50");
    assertThat(ranking.path("ranking").get(1).path("total").decimalValue())
        .isEqualByComparingTo("65.75");

    complete(
        executive,
        taskFor(executive, EvaluationProcess.Elements.SELECT_FOR_PILOT),
        Map.of(
            "selectedVendorCodes",
            List.of(vendorCode),
            "selectionReason",
            "Best quality and the lowest price"));

    // --- 4. the lifecycles take over: the other is rejected, ours enters its pilot
    runJobs();
    JsonNode decided = evaluation(rm);
    assertThat(decided.path("status").asText()).isEqualTo("DECIDED");
    assertThat(texts(decided.path("selection").path("selectedVendorIds")))
        .containsExactly(vendorId);
    assertThat(phase(otherId)).isEqualTo("REJECTED");
    JsonNode otherLifecycle = lifecycle(otherId);
    assertThat(otherLifecycle.path("active").asBoolean()).isFalse();
    assertThat(otherLifecycle.path("phases").findValuesAsText("phase"))
        .containsExactly("EVALUATION", "REJECTED");
    assertThat(phase(vendorId)).isEqualTo("PILOT");
    assertThat(texts(lifecycle(vendorId).path("currentSteps"))).containsExactly("Run pilot");

    JsonNode planTask = task(rm, PilotProcess.Elements.PLAN_PILOT);
    assertThat(planTask.path("assignee").asText()).as("the vendor's RM plans it").isEqualTo(rm);
    JsonNode pilot = onlyPilot();
    String pilotId = pilot.path("id").asText();
    assertThat(pilot.path("status").asText()).isEqualTo("PLANNING");

    // the vendor's lead uploads the pilot's contacts: four inside the window (day 2, 00:00 UTC,
    // to day 16, 00:00 UTC, exclusive), one on its end day (outside the pilot, inside the month),
    // one on the last day of the month before (outside both)
    LocalDate start = pilotMonth.atDay(2);
    String csv =
        "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,"
            + "wait_seconds,abandoned,csat\n"
            + row("J-1", ANA, "PHONE", start.atStartOfDay(), 300, true, "10", "5")
            + row("J-2", ANA, "CHAT", start.plusDays(3).atTime(12, 0), 360, true, "5", "4")
            + row("J-3", BEN, "EMAIL", start.plusDays(7).atTime(9, 30), 480, false, "", "2")
            + row("J-4", BEN, "PHONE", start.plusDays(13).atTime(23, 59, 59), 420, true, "20", "")
            + row("J-5", ANA, "PHONE", start.plusDays(14).atStartOfDay(), 900, false, "30", "1")
            + row("J-6", BEN, "PHONE", start.minusDays(2).atTime(9, 0), 100, true, "5", "5");
    Api.Response imported =
        api.postRaw(lead, "/api/vendors/" + vendorId + "/interactions", csv, "text/csv");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("received").asInt()).isEqualTo(6);
    assertThat(imported.json().path("inserted").asInt()).isEqualTo(6);

    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("pilotScope", "English chat and phone, billing queue");
    plan.put("liveVolumeSharePercent", 10);
    plan.put("startDate", start.toString());
    plan.put("durationDays", 14);
    complete(rm, planTask.path("id").asText(), plan);
    JsonNode running = pilot(pilotId);
    assertThat(running.path("status").asText()).isEqualTo("RUNNING");
    assertThat(running.path("plan").path("endDate").asText())
        .isEqualTo(start.plusDays(14).toString());

    Job pilotEnds = timer(PilotProcess.Elements.TIMER_PILOT_ENDED);
    assertThat(pilotEnds.getDuedate().toInstant())
        .isEqualTo(start.plusDays(14).atStartOfDay().toInstant(ZoneOffset.UTC));
    managementService.executeJob(pilotEnds.getId());
    runJobs();

    // by hand, on the default scorecard, over J-1 … J-4:
    // CSAT 2 of 3 answers satisfied = 66.67 % → 100 × 66.67 / 85 = 78.43
    // FCR 3 of 4 = 75 % → 100; AHT 1,560 / 4 = 390 s → 100 × (720 − 390) / 360 = 91.67
    // no NPS or CES answers: no value; total (78.43 + 100 + 91.67) / 3 = 90.03
    JsonNode scored = pilot(pilotId);
    assertThat(scored.path("status").asText()).isEqualTo("SCORED");
    JsonNode card = scored.path("scorecard");
    assertThat(card.path("interactions").asLong()).isEqualTo(4);
    assertThat(card.path("kpis").path("csat").path("value").decimalValue())
        .isEqualByComparingTo("66.67");
    assertThat(card.path("kpis").path("csat").path("score").decimalValue())
        .isEqualByComparingTo("78.43");
    assertThat(card.path("kpis").path("fcr").path("value").decimalValue())
        .isEqualByComparingTo("75.00");
    assertThat(card.path("kpis").path("aht").path("value").decimalValue())
        .isEqualByComparingTo("390.00");
    assertThat(card.path("kpis").path("aht").path("score").decimalValue())
        .isEqualByComparingTo("91.67");
    assertThat(card.path("kpis").path("nps").path("value").isNull()).isTrue();
    assertThat(card.path("total").decimalValue()).isEqualByComparingTo("90.03");

    complete(
        executive,
        taskFor(executive, PilotProcess.Elements.DECIDE_GO_NO_GO),
        Map.of("decision", "GO", "decisionReason", "Scored 90 on a tenth of live volume"));
    runJobs();
    assertThat(pilot(pilotId).path("decision").path("decision").asText()).isEqualTo("GO");

    // --- 5. onboarding, each step done by the side the responsibility split names
    assertThat(phase(vendorId)).isEqualTo("ONBOARDING");
    JsonNode onboarding = onboarding();
    assertThat(onboarding.path("involvement").asText()).isEqualTo("PARTIAL");
    Map<String, String> owners = new LinkedHashMap<>();
    onboarding
        .path("openSteps")
        .forEach(s -> owners.put(s.path("taskKey").asText(), s.path("owner").asText()));
    assertThat(owners)
        .containsOnly(
            Map.entry(OnboardingProcess.Elements.AGREE_CONTRACT, "BRAND"),
            Map.entry(OnboardingProcess.Elements.ASSIGN_RELATIONSHIP_MANAGER, "BRAND"),
            Map.entry(OnboardingProcess.Elements.SET_GROUND_RULES, "BRAND"),
            Map.entry(OnboardingProcess.Elements.GRANT_SYSTEM_ACCESS, "BRAND"),
            Map.entry(OnboardingProcess.Elements.HAND_OVER_KNOWLEDGE_BASE, "BRAND"),
            Map.entry(OnboardingProcess.Elements.RUN_ONBOARDING_SESSIONS, "VENDOR"),
            Map.entry(OnboardingProcess.Elements.PROPOSE_AGENTS, "VENDOR"));
    assertThat(taskKeys(lead))
        .as("the lead sees the vendor's steps only")
        .containsExactlyInAnyOrder(
            OnboardingProcess.Elements.RUN_ONBOARDING_SESSIONS,
            OnboardingProcess.Elements.PROPOSE_AGENTS);
    Map<String, Map<String, Object>> forms = onboardingForms();
    owners.forEach(
        (taskKey, owner) -> {
          String user = "BRAND".equals(owner) ? rm : lead;
          complete(user, taskFor(user, taskKey), forms.get(taskKey));
        });
    runJobs();

    // PARTIAL: the brand trains, so the brand (an RM) interviews the candidates
    assertThat(taskKeys(lead)).isEmpty();
    assertThat(texts(onboarding().path("vetting").path("awaitingInterview")))
        .containsExactly(ANA, BEN);
    List<JsonNode> interviews = tasksFor(rm, OnboardingProcess.Elements.INTERVIEW_CANDIDATE);
    assertThat(interviews).hasSize(2);
    for (JsonNode interview : interviews) {
      complete(
          rm,
          interview.path("id").asText(),
          Map.of("vettingDecision", "APPROVED", "vettingNote", "Clear, warm, knows the product"));
    }
    runJobs();

    JsonNode onboarded = onboarding();
    assertThat(onboarded.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(texts(onboarded.path("vetting").path("approved")))
        .as("in the order they were decided")
        .containsExactlyInAnyOrder(ANA, BEN);
    assertThat(onboarded.path("openSteps")).isEmpty();
    assertThat(onboarded.path("contract").path("status").asText()).isEqualTo("APPLIED");
    JsonNode vendor = api.get(rm, "/api/vendors/" + vendorId).json();
    assertThat(vendor.path("relationshipManager").asText())
        .as("handed to its account manager")
        .isEqualTo(accountRm);
    JsonNode definition =
        api.get(rm, "/api/vendors/" + vendorId + "/scorecard/definition").json().path("kpis");
    assertThat(definition.path("csat").path("target").decimalValue()).isEqualByComparingTo("88");
    assertThat(definition.path("fcr").path("target").decimalValue()).isEqualByComparingTo("80");
    assertThat(definition.path("aht").path("target").decimalValue()).isEqualByComparingTo("330");
    assertThat(definition.path("aht").path("zero").decimalValue()).isEqualByComparingTo("720");
    assertThat(definition.path("nps").path("target").decimalValue())
        .as("a default kept")
        .isEqualByComparingTo("40");
    JsonNode contract = api.get(rm, "/api/vendors/" + vendorId + "/contract").json();
    assertThat(contract.path("monthlyFee").decimalValue()).isEqualByComparingTo("9000");
    assertThat(contract.path("atRiskPercent").decimalValue()).isEqualByComparingTo("10");
    assertThat(contract.path("serviceLevelThresholdSeconds").asInt()).isEqualTo(20);

    // --- 6. training of the first cohort: the two approved agents
    assertThat(phase(vendorId)).isEqualTo("TRAINING");
    Api.Response cohorts = api.get(lead, "/api/vendors/" + vendorId + "/training-cohorts");
    assertThat(cohorts.status()).as(cohorts.body()).isEqualTo(200);
    assertThat(cohorts.json()).hasSize(1);
    String cohortId = cohorts.json().get(0).path("id").asText();
    JsonNode cohort = cohort(cohortId);
    assertThat(cohort.path("kind").asText()).isEqualTo("COHORT");
    assertThat(cohort.path("agents").asInt()).isEqualTo(2);
    assertThat(cohort.path("agentResults").findValuesAsText("agentId"))
        .containsExactlyInAnyOrder(ANA, BEN);
    LocalDate today = LocalDate.now(VENDOR_ZONE);
    assertThat(cohort.path("startedOn").asText()).isEqualTo(today.toString());

    // PARTIAL: the brand trains and certifies (now the account manager), the vendor coaches
    complete(
        accountRm,
        taskFor(accountRm, TrainingProcess.Elements.RUN_UNBOXING),
        Map.of("unboxingHeldOn", today.toString()));
    complete(
        accountRm,
        taskFor(accountRm, TrainingProcess.Elements.TRAIN_PRODUCT_AND_CULTURE),
        Map.of(
            "productTopicsCovered",
            List.of("PRODUCTS", "VALUES_AND_TONE", "POLICIES"),
            "productTrainingHours",
            16));
    complete(
        accountRm,
        taskFor(accountRm, TrainingProcess.Elements.TRAIN_CONTACT_CENTER_SKILLS),
        Map.of(
            "skillsCovered", List.of("COMMUNICATION", "DE_ESCALATION"), "skillsTrainingHours", 24));
    assertThat(taskKeys(lead)).isEmpty();
    runJobs();

    // certification: whoever is first passes; the other fails, and passes the retake
    List<JsonNode> exams = tasksFor(accountRm, TrainingProcess.Elements.TAKE_CERTIFICATION);
    assertThat(exams).hasSize(2);
    complete(accountRm, exams.get(0).path("id").asText(), Map.of("certificationScore", 91));
    runJobs();
    List<String> stillToCertify =
        openStepAgents(cohort(cohortId), TrainingProcess.Elements.TAKE_CERTIFICATION);
    assertThat(stillToCertify).hasSize(1);
    String retaker = stillToCertify.get(0);
    String firstTime = ANA.equals(retaker) ? BEN : ANA;
    complete(accountRm, exams.get(1).path("id").asText(), Map.of("certificationScore", 70));
    runJobs();
    assertThat(openStepAgents(cohort(cohortId), TrainingProcess.Elements.RETAKE_CERTIFICATION))
        .containsExactly(retaker);
    complete(
        accountRm,
        taskFor(accountRm, TrainingProcess.Elements.RETAKE_CERTIFICATION),
        Map.of("certificationScore", 85.5));
    runJobs();
    assertThat(cohort(cohortId).path("certified").asInt()).isEqualTo(2);

    Job nesting = timer(TrainingProcess.Elements.TIMER_NESTING_PERIOD);
    assertThat(nesting.getDuedate().toInstant()).isAfter(Instant.now().plus(13, ChronoUnit.DAYS));
    managementService.executeJob(nesting.getId());
    runJobs();

    List<JsonNode> checks = tasksFor(lead, TrainingProcess.Elements.CHECK_PROFICIENCY);
    assertThat(checks).hasSize(2);
    assertThat(tasksFor(accountRm, TrainingProcess.Elements.CHECK_PROFICIENCY)).isEmpty();
    for (JsonNode check : checks) {
      complete(
          lead,
          check.path("id").asText(),
          Map.of("proficient", "YES", "proficiencyDate", today.toString()));
    }
    runJobs();

    JsonNode trained = cohort(cohortId);
    assertThat(trained.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(trained.path("certified").asInt()).isEqualTo(2);
    assertThat(trained.path("proficient").asInt()).isEqualTo(2);
    assertThat(trained.path("medianDaysToProficiency").decimalValue())
        .as("proficient the day the cohort started, as far as the clock of this test goes")
        .isEqualByComparingTo("0");
    Map<String, JsonNode> agents = new LinkedHashMap<>();
    trained.path("agentResults").forEach(a -> agents.put(a.path("agentId").asText(), a));
    assertThat(agents.get(firstTime).path("certificationAttempts")).hasSize(1);
    JsonNode retakes = agents.get(retaker).path("certificationAttempts");
    assertThat(retakes).hasSize(2);
    assertThat(retakes.get(0).path("passed").asBoolean()).isFalse();
    assertThat(retakes.get(1).path("passed").asBoolean()).isTrue();
    assertThat(retakes.get(1).path("score").decimalValue()).isEqualByComparingTo("85.50");
    assertThat(agents.values())
        .allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("PROFICIENT"));

    // --- 7. operating: the monthly QA cycle and the sync meetings are scheduled
    assertThat(phase(vendorId)).isEqualTo("OPERATING");
    JsonNode operating = lifecycle(vendorId);
    assertThat(operating.path("active").asBoolean()).isTrue();
    assertThat(operating.path("phases").findValuesAsText("phase"))
        .containsExactly("EVALUATION", "PILOT", "ONBOARDING", "TRAINING", "OPERATING");
    assertThat(texts(operating.path("currentSteps"))).containsExactly("Await offboarding");
    String lifecycleId = operating.path("processInstanceId").asText();
    Job qaTimer = lifecycleTimer(lifecycleId, VendorLifecycleProcess.Elements.QA_CYCLE_DUE);
    Instant firstQaCycle = qaTimer.getDuedate().toInstant();
    assertThat(firstQaCycle)
        .as("02:00 UTC on the first of next month")
        .isEqualTo(
            YearMonth.now(ZoneOffset.UTC)
                .plusMonths(1)
                .atDay(1)
                .atTime(2, 0)
                .toInstant(ZoneOffset.UTC));
    Job syncTimer = lifecycleTimer(lifecycleId, VendorLifecycleProcess.Elements.VENDOR_SYNC_DUE);
    assertThat(syncTimer.getDuedate().toInstant()).isAfter(Instant.now());

    // the QA cycle fires (the test plays the first of next month): it audits the month just
    // ended, which is the pilot month, so it finds our contacts: J-1 … J-5 are handled contacts
    // of that month (J-5 is after the pilot but inside the month), J-6 is in the month before.
    // Cochran at 95 % ± 5 % over N = 5 gives n = ceil(384.15 / (1 + 383.15 / 5)) = 5: all of them.
    managementService.executeJob(qaTimer.getId());
    runJobs();
    Api.Response cycles = api.get(qa, "/api/vendors/" + vendorId + "/qa-cycles");
    assertThat(cycles.status()).as(cycles.body()).isEqualTo(200);
    assertThat(cycles.json()).hasSize(1);
    JsonNode cycle = cycles.json().get(0);
    assertThat(cycle.path("period").asText()).isEqualTo(pilotMonth.toString());
    assertThat(cycle.path("status").asText()).isEqualTo("AUDITING");
    assertThat(cycle.path("population").asLong()).isEqualTo(5);
    assertThat(cycle.path("sampleSize").asInt()).isEqualTo(5);
    assertThat(tasksFor(qa, QaCycleProcess.Elements.AUDIT_INTERACTION)).hasSize(5);
    assertThat(texts(lifecycle(vendorId).path("currentSteps")))
        .containsExactlyInAnyOrder("Await offboarding", "Run QA cycle");
    // the cycle stays armed. The engine re-arms a repeating timer for the cycle's next date after
    // now: fired here ahead of its date, that is the same first of the month (on that date, in
    // production, it is the first of the month after)
    assertThat(
            lifecycleTimer(lifecycleId, VendorLifecycleProcess.Elements.QA_CYCLE_DUE)
                .getDuedate()
                .toInstant())
        .isEqualTo(firstQaCycle);
  }

  // --- the people's actions

  private String register(String code) {
    Map<String, Object> body = TestWorld.vendorBody(code);
    body.put("relationshipManager", rm);
    body.put("lifecyclePhase", "EVALUATION");
    Api.Response created = api.post(rm, "/api/vendors", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private Api.Response bid(String candidate, String price) {
    return api.put(
        rm,
        "/api/evaluations/" + roundId + "/bids/" + candidate,
        Map.of("monthlyPrice", new BigDecimal(price)));
  }

  /** What the onboarding's forms get, by task key (the interviews come later). */
  private Map<String, Map<String, Object>> onboardingForms() {
    Map<String, Object> contract = new LinkedHashMap<>();
    contract.put("monthlyFee", 9000);
    contract.put("atRiskPercent", 10);
    contract.put("serviceLevelThresholdSeconds", 20);
    contract.put("keepDefaultKpiTargets", false);
    contract.put("csatTarget", 88);
    contract.put("fcrTarget", 80);
    contract.put("ahtTargetSeconds", 330);
    return Map.of(
        OnboardingProcess.Elements.AGREE_CONTRACT,
        contract,
        OnboardingProcess.Elements.ASSIGN_RELATIONSHIP_MANAGER,
        Map.of("relationshipManager", accountRm),
        OnboardingProcess.Elements.SET_GROUND_RULES,
        Map.of(
            "syncCadence",
            "BIWEEKLY",
            "reportingCadence",
            "WEEKLY",
            "escalationPath",
            "Team lead, then " + accountRm),
        OnboardingProcess.Elements.GRANT_SYSTEM_ACCESS,
        Map.of(
            "systemAccessGranted",
            List.of("CRM", "TELEPHONY", "TICKETING", "KNOWLEDGE_BASE", "SINGLE_SIGN_ON")),
        OnboardingProcess.Elements.HAND_OVER_KNOWLEDGE_BASE,
        Map.of(
            "knowledgeBaseHandedOver",
            List.of("SOPS", "MACROS", "PRODUCT_CATALOG", "POLICIES", "ESCALATION_MATRIX")),
        OnboardingProcess.Elements.RUN_ONBOARDING_SESSIONS,
        Map.of("sessionsHeld", 2, "topicsCovered", List.of("BRAND_AND_CX_GOALS", "TOOLS")),
        OnboardingProcess.Elements.PROPOSE_AGENTS,
        Map.of("agentIds", ANA + "\n" + BEN));
  }

  // --- tasks

  /** The caller's open tasks with that key, of our vendor or of the evaluation round. */
  private List<JsonNode> tasksFor(String user, String taskKey) {
    return flow.tasks(user).stream()
        .filter(t -> taskKey.equals(t.path("taskKey").asText()))
        .filter(
            t ->
                vendorId.equals(t.path("vendorId").asText())
                    || (roundId != null && roundId.equals(t.path("businessKey").asText())))
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
        .filter(t -> vendorId.equals(t.path("vendorId").asText()))
        .map(t -> t.path("taskKey").asText())
        .toList();
  }

  // --- the job executor, played by the test

  /**
   * Runs the async continuations (not the timers) of both candidates' lifecycles, every process
   * they call, and the evaluation round, until none is left.
   */
  private void runJobs() {
    jobs().runJobs(this::roots);
  }

  /** The running lifecycles of the two candidates and the evaluation round. */
  private List<String> roots() {
    List<String> roots = new ArrayList<>();
    JobRunner jobs = jobs();
    for (String candidate : List.of(vendorId, otherId)) {
      roots.addAll(jobs.instances(VendorLifecycleProcess.PROCESS_KEY, candidate));
    }
    if (roundId != null) {
      roots.addAll(jobs.instances(EvaluationProcess.PROCESS_KEY, roundId));
    }
    return roots;
  }

  /** The one timer with that activity id in our vendor's lifecycle tree. */
  private Job timer(String activityId) {
    List<Job> timers = jobs().timers(roots(), activityId);
    assertThat(timers).as("timer %s", activityId).hasSize(1);
    return timers.get(0);
  }

  private JobRunner jobs() {
    return new JobRunner(runtimeService, managementService);
  }

  private Job lifecycleTimer(String lifecycleId, String activityId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(lifecycleId)
            .timers()
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("lifecycle timer %s", activityId).isNotNull();
    return job;
  }

  // --- reads

  private String phase(String id) {
    Api.Response vendor = api.get(rm, "/api/vendors/" + id);
    assertThat(vendor.status()).as(vendor.body()).isEqualTo(200);
    return vendor.json().path("lifecyclePhase").asText();
  }

  private JsonNode lifecycle(String id) {
    return ok(api.get(rm, "/api/vendors/" + id + "/lifecycle"));
  }

  private JsonNode evaluation(String user) {
    return ok(api.get(user, "/api/evaluations/" + roundId));
  }

  private JsonNode onlyPilot() {
    JsonNode pilots = ok(api.get(rm, "/api/vendors/" + vendorId + "/pilots"));
    assertThat(pilots).hasSize(1);
    return pilots.get(0);
  }

  private JsonNode pilot(String pilotId) {
    return ok(api.get(rm, "/api/pilots/" + pilotId));
  }

  private JsonNode onboarding() {
    return ok(api.get(lead, "/api/vendors/" + vendorId + "/onboarding"));
  }

  private JsonNode cohort(String cohortId) {
    return ok(api.get(lead, "/api/training-cohorts/" + cohortId));
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

  private static List<String> openStepAgents(JsonNode cohort, String taskKey) {
    List<String> agents = new ArrayList<>();
    cohort
        .path("openSteps")
        .forEach(
            s -> {
              if (taskKey.equals(s.path("taskKey").asText())) {
                agents.add(s.path("agentId").asText());
              }
            });
    return agents;
  }

  // --- payloads

  private static Map<String, Object> criterion(String key, String name, int weight) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("key", key);
    c.put("name", name);
    c.put("weight", weight);
    return c;
  }

  private static Map<String, Object> score(String code, String criterion, int rating) {
    return Map.of("vendorCode", code, "criterion", criterion, "rating", rating);
  }

  /** One CSV line; an empty wait means a channel without a queue, so no abandoned flag either. */
  private static String row(
      String id,
      String agent,
      String channel,
      LocalDateTime startedAtUtc,
      int handleSeconds,
      boolean resolved,
      String waitSeconds,
      String csat) {
    return String.join(
            ",",
            id,
            agent,
            channel,
            startedAtUtc.toInstant(ZoneOffset.UTC).toString(),
            String.valueOf(handleSeconds),
            String.valueOf(resolved),
            waitSeconds,
            waitSeconds.isEmpty() ? "" : "false",
            csat)
        + "\n";
  }
}
