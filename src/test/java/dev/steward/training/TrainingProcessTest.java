package dev.steward.training;

import static dev.steward.training.TrainingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import dev.steward.platform.FlowNodeCoverage;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.ProcessTests;
import dev.steward.training.TrainingProcess.Elements;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code processes/agent-training.bpmn} on an in-memory engine with mocked delegates:
 * a cohort through certification (a pass, a retake pass, a retake fail), the nesting timer and
 * proficiency checks; a cohort nobody passes; a refresher started by message; the check of the
 * proficiency form. The job executor is off; timers and async jobs are executed explicitly.
 */
@Deployment(
    resources = {
      "processes/agent-training.bpmn",
      "processes/training-unboxing.form",
      "processes/training-product-culture.form",
      "processes/training-contact-center-skills.form",
      "processes/training-refresher.form",
      "processes/training-certification.form",
      "processes/training-proficiency.form"
    })
class TrainingProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @RegisterExtension
  @Order(2)
  static FlowNodeCoverage coverage =
      FlowNodeCoverage.of(
          PROCESS_KEY, "processes/agent-training.bpmn", extension::getProcessEngine);

  static final String OPEN_COHORT_DELEGATE = "openTrainingCohortDelegate";
  static final String OPEN_REFRESHER_DELEGATE = "openRefresherCohortDelegate";
  static final String RECORD_ATTEMPT_DELEGATE = "recordCertificationAttemptDelegate";
  static final String CLOSE_CERTIFICATION_DELEGATE = "closeCertificationDelegate";
  static final String COMPLETE_REFRESHER_DELEGATE = "completeRefresherTrainingDelegate";
  static final String RECORD_PROFICIENCY_DELEGATE = "recordProficiencyDelegate";
  static final String RECORD_SPEED_DELEGATE = "recordSpeedToProficiencyDelegate";

  // diagram elements the application does not name
  static final String GATEWAY_AGENT_CERTIFIED = "Gateway_AgentCertified";
  static final String GATEWAY_READY_FOR_SPEED = "Gateway_ReadyForSpeedToProficiency";

  static final String BRAND = "relationship-managers";
  static final String VENDOR = "bpo-leads";
  static final String VENDOR_ID_VALUE = "vendor-cedar";
  static final String RM = "rachel";
  static final String LEAD = "sofia";
  static final Instant NOW = Instant.parse("2030-03-04T15:00:00Z");
  static final LocalDate STARTED_ON = LocalDate.of(2030, 3, 4);

  private final Map<String, Integer> delegateCalls = new LinkedHashMap<>();

  /** What the mocked store recorded: "agent#attempt" -> score, and passes. */
  private final Map<String, Double> attempts = new LinkedHashMap<>();

  private final List<String> certified = new ArrayList<>();
  private final Map<String, String> proficiency = new LinkedHashMap<>();
  private final List<String> assessors = new ArrayList<>();

  private String trainingGroup = VENDOR;

  private RuntimeService runtimeService;
  private TaskService taskService;
  private ManagementService managementService;

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
    runtimeService = extension.getRuntimeService();
    taskService = extension.getTaskService();
    managementService = extension.getManagementService();
    extension.setCurrentTime(Date.from(NOW));

    mockDelegate(
        OPEN_COHORT_DELEGATE,
        execution -> {
          COHORT_ID.on(execution, execution.getProcessBusinessKey());
          COHORT_KIND.on(execution, CohortKind.COHORT.name());
          if (NESTING_PERIOD.from(execution) == null) {
            NESTING_PERIOD.on(execution, DEFAULT_NESTING_PERIOD);
          }
          opened(execution);
        });
    mockDelegate(
        OPEN_REFRESHER_DELEGATE,
        execution -> {
          COHORT_ID.on(execution, execution.getProcessBusinessKey());
          COHORT_KIND.on(execution, CohortKind.REFRESHER.name());
          AGENTS.on(execution, List.of(AGENT_ID.requiredFrom(execution)));
          opened(execution);
        });
    mockDelegate(
        RECORD_ATTEMPT_DELEGATE,
        execution -> {
          String agent = AGENT_ID.requiredFrom(execution);
          double score = ((Number) CERTIFICATION_SCORE.requiredFrom(execution)).doubleValue();
          int attempt = ((Number) CERTIFICATION_ATTEMPT.requiredFrom(execution)).intValue();
          attempts.put(agent + "#" + attempt, score);
          boolean passed = score >= PASS_MARK;
          if (passed) {
            certified.add(agent);
          }
          assessors.add(ASSESSED_BY.from(execution));
          CERTIFICATION_PASSED.on(execution, passed);
        });
    mockDelegate(
        CLOSE_CERTIFICATION_DELEGATE,
        execution -> {
          CERTIFIED_AGENTS.on(execution, List.copyOf(certified));
          ANY_AGENT_CERTIFIED.on(execution, !certified.isEmpty());
        });
    mockDelegate(COMPLETE_REFRESHER_DELEGATE, execution -> {});
    mockDelegate(
        RECORD_PROFICIENCY_DELEGATE,
        execution ->
            proficiency.put(
                AGENT_ID.requiredFrom(execution),
                PROFICIENT.requiredFrom(execution) + " " + PROFICIENCY_DATE.from(execution)));
    mockDelegate(RECORD_SPEED_DELEGATE, execution -> {});
    Mocks.register(
        "rememberAssessorListener",
        (TaskListener) task -> ASSESSED_BY.on(task.getExecution(), task.getAssignee()));
    Mocks.register(
        "checkProficiencyListener",
        new CheckProficiencyListener(Clock.fixed(NOW.plus(Duration.ofDays(20)), ZoneOffset.UTC)));
  }

  private void opened(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    COHORT_STARTED_ON.on(execution, STARTED_ON.toString());
    VENDOR_TIME_ZONE.on(execution, "America/Bogota");
    TRAINING_GROUP.on(execution, trainingGroup);
    COACHING_GROUP.on(execution, VENDOR);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    reset();
  }

  @AfterAll
  static void flowNodeCoverageIsAtLeastNinetyPercent() {
    System.out.println(coverage.report());
    assertThat(coverage.ratio()).as(coverage.report()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  @DisplayName(
      "a cohort: one passes, one passes the retake, one fails twice; nesting 14 days; proficiency"
          + " of the certified; speed to proficiency recorded")
  void cohortWithRetakePassAndRetakeFail() {
    ProcessInstance cohort = startCohort("cohort-1", List.of("a01", "a02", "a03"), null);

    assertThat(cohort).hasBusinessKey("cohort-1").isWaitingAtExactly(Elements.OPEN_COHORT);
    executeJobs(cohort);
    assertThat(cohort).isWaitingAtExactly(Elements.RUN_UNBOXING);
    assertThat(groupsOf(task(cohort, Elements.RUN_UNBOXING))).containsExactly(BRAND);
    assertThat(formOf(task(cohort, Elements.RUN_UNBOXING))).isEqualTo("Form_RunUnboxingExperience");

    completeAs(RM, task(cohort, Elements.RUN_UNBOXING), Map.of("unboxingHeldOn", "2030-03-05"));
    assertThat(cohort)
        .isWaitingAtExactly(
            Elements.TRAIN_PRODUCT_AND_CULTURE, Elements.TRAIN_CONTACT_CENTER_SKILLS);
    assertThat(groupsOf(task(cohort, Elements.TRAIN_PRODUCT_AND_CULTURE))).containsExactly(BRAND);
    assertThat(groupsOf(task(cohort, Elements.TRAIN_CONTACT_CENTER_SKILLS)))
        .as("the training owner of the split")
        .containsExactly(VENDOR);

    completeAs(
        RM,
        task(cohort, Elements.TRAIN_PRODUCT_AND_CULTURE),
        Map.of("productTopicsCovered", "PRODUCTS,VALUES_AND_TONE", "productTrainingHours", 16L));
    assertThat(cohort)
        .isWaitingAt(Elements.TRAIN_CONTACT_CENTER_SKILLS)
        .isNotWaitingAt(Elements.TRAIN_PRODUCT_AND_CULTURE);
    completeAs(
        LEAD,
        task(cohort, Elements.TRAIN_CONTACT_CENTER_SKILLS),
        Map.of("skillsCovered", "COMMUNICATION,DE_ESCALATION", "skillsTrainingHours", 24L));

    assertThat(cohort)
        .hasPassed(Elements.GATEWAY_TRAINING_DONE, Elements.GATEWAY_READY_FOR_CERTIFICATION);
    List<Task> exams = tasks(cohort, Elements.TAKE_CERTIFICATION);
    assertThat(exams)
        .extracting(t -> taskService.getVariable(t.getId(), AGENT_ID.name()))
        .containsExactlyInAnyOrder("a01", "a02", "a03");
    exams.forEach(t -> assertThat(groupsOf(t)).containsExactly(VENDOR));
    assertThat(formOf(exams.get(0))).isEqualTo("Form_CertifyAgent");

    certify(cohort, Elements.TAKE_CERTIFICATION, "a01", 85L);
    certify(cohort, Elements.TAKE_CERTIFICATION, "a02", 70L);
    certify(cohort, Elements.TAKE_CERTIFICATION, "a03", 79.5);
    assertThat(tasks(cohort, Elements.RETAKE_CERTIFICATION))
        .extracting(t -> taskService.getVariable(t.getId(), AGENT_ID.name()))
        .containsExactlyInAnyOrder("a02", "a03");
    certify(cohort, Elements.RETAKE_CERTIFICATION, "a02", 80L);
    certify(cohort, Elements.RETAKE_CERTIFICATION, "a03", 75L);

    assertThat(attempts)
        .containsExactly(
            Map.entry("a01#1", 85.0),
            Map.entry("a02#1", 70.0),
            Map.entry("a03#1", 79.5),
            Map.entry("a02#2", 80.0),
            Map.entry("a03#2", 75.0));
    assertThat(assessors).containsOnly(LEAD);
    assertThat(cohort)
        .hasPassed(
            Elements.GATEWAY_CERTIFICATION_PASSED,
            Elements.GATEWAY_RETAKE_PASSED,
            GATEWAY_AGENT_CERTIFIED,
            Elements.END_EVENT_AGENT_CERTIFIED,
            Elements.END_EVENT_AGENT_NOT_CERTIFIED,
            Elements.CLOSE_CERTIFICATION,
            Elements.GATEWAY_REFRESHER_OR_COHORT,
            Elements.GATEWAY_ANY_AGENT_CERTIFIED)
        .isWaitingAtExactly(Elements.TIMER_NESTING_PERIOD);
    assertThat(passCount(cohort, Elements.END_EVENT_AGENT_CERTIFIED)).isEqualTo(2);
    assertThat(passCount(cohort, Elements.END_EVENT_AGENT_NOT_CERTIFIED)).isEqualTo(1);

    Job nesting = timer(cohort);
    assertThat(nesting).hasDueDate(Date.from(NOW.plus(Duration.ofDays(14))));
    managementService.executeJob(nesting.getId());

    List<Task> checks = tasks(cohort, Elements.CHECK_PROFICIENCY);
    assertThat(checks)
        .extracting(t -> taskService.getVariable(t.getId(), AGENT_ID.name()))
        .containsExactlyInAnyOrder("a01", "a02");
    checks.forEach(t -> assertThat(groupsOf(t)).as("the coaching owner").containsExactly(VENDOR));
    assertThat(formOf(checks.get(0))).isEqualTo("Form_CheckProficiency");

    checkProficiency(
        cohort, "a01", Map.of("proficient", PROFICIENT_YES, "proficiencyDate", "2030-03-20"));
    checkProficiency(cohort, "a02", Map.of("proficient", PROFICIENT_NO));

    assertThat(proficiency)
        .containsExactly(Map.entry("a01", "YES 2030-03-20"), Map.entry("a02", "NO null"));
    assertThat(cohort)
        .hasPassed(
            Elements.CHECK_PROFICIENCY_SUBPROCESS,
            Elements.RECORD_PROFICIENCY,
            GATEWAY_READY_FOR_SPEED,
            Elements.RECORD_SPEED_TO_PROFICIENCY,
            Elements.END_EVENT_COHORT_TRAINED)
        .hasNotPassed(Elements.COMPLETE_REFRESHER)
        .isEnded();
    assertThat(delegateCalls)
        .containsEntry(OPEN_COHORT_DELEGATE, 1)
        .containsEntry(RECORD_ATTEMPT_DELEGATE, 5)
        .containsEntry(CLOSE_CERTIFICATION_DELEGATE, 1)
        .containsEntry(RECORD_PROFICIENCY_DELEGATE, 2)
        .containsEntry(RECORD_SPEED_DELEGATE, 1)
        .doesNotContainKeys(OPEN_REFRESHER_DELEGATE, COMPLETE_REFRESHER_DELEGATE);
  }

  @Test
  @DisplayName("the nesting period is configurable per cohort")
  void nestingPeriodPerCohort() {
    trainingGroup = BRAND;
    ProcessInstance cohort = startCohort("cohort-2", List.of("b01"), "P21D");
    executeJobs(cohort);
    trainAndCertify(cohort, "b01", 91L);

    assertThat(timer(cohort)).hasDueDate(Date.from(NOW.plus(Duration.ofDays(21))));
  }

  @Test
  @DisplayName("a cohort nobody passes skips nesting and records an empty speed to proficiency")
  void nobodyCertified() {
    ProcessInstance cohort = startCohort("cohort-3", List.of("c01"), null);
    executeJobs(cohort);
    trainAndCertify(cohort, "c01", 40L);
    certify(cohort, Elements.RETAKE_CERTIFICATION, "c01", 55L);

    assertThat(cohort)
        .hasPassed(
            Elements.END_EVENT_AGENT_NOT_CERTIFIED,
            GATEWAY_READY_FOR_SPEED,
            Elements.END_EVENT_COHORT_TRAINED)
        .hasNotPassed(Elements.TIMER_NESTING_PERIOD, Elements.CHECK_PROFICIENCY)
        .isEnded();
    assertThat(delegateCalls).containsEntry(RECORD_SPEED_DELEGATE, 1);
  }

  @Test
  @DisplayName("a refresher starts by message: refresher training, re-certification, then it ends")
  void refresherByMessage() {
    VariableMap variables = Variables.createVariables();
    VENDOR_ID.on(variables, VENDOR_ID_VALUE);
    AGENT_ID.on(variables, "a07");
    QA_CYCLE_ID.on(variables, "cycle-9");
    ProcessInstance refresher =
        runtimeService.startProcessInstanceByMessage(
            MSG_REFRESHER_REQUESTED, "refresher:cycle-9:a07", variables);

    assertThat(refresher)
        .hasBusinessKey("refresher:cycle-9:a07")
        .isWaitingAtExactly(Elements.OPEN_REFRESHER);
    executeJobs(refresher);
    assertThat(refresher)
        .hasPassed(Elements.START_EVENT_REFRESHER)
        .isWaitingAtExactly(Elements.RUN_REFRESHER);
    Task training = task(refresher, Elements.RUN_REFRESHER);
    assertThat(groupsOf(training)).containsExactly(VENDOR);
    assertThat(formOf(training)).isEqualTo("Form_RunRefresherTraining");
    completeAs(LEAD, training, Map.of("refresherFocus", "Greeting and verification steps"));

    certify(refresher, Elements.TAKE_CERTIFICATION, "a07", 72L);
    certify(refresher, Elements.RETAKE_CERTIFICATION, "a07", 88L);

    assertThat(refresher)
        .hasPassed(
            Elements.RECORD_RETAKE_ATTEMPT,
            Elements.GATEWAY_RETAKE_PASSED,
            Elements.CLOSE_CERTIFICATION,
            Elements.COMPLETE_REFRESHER,
            Elements.END_EVENT_REFRESHER_COMPLETED)
        .hasNotPassed(
            Elements.RUN_UNBOXING,
            Elements.TIMER_NESTING_PERIOD,
            Elements.RECORD_SPEED_TO_PROFICIENCY)
        .isEnded();
    assertThat(attempts).containsExactly(Map.entry("a07#1", 72.0), Map.entry("a07#2", 88.0));
    assertThat(delegateCalls)
        .containsEntry(OPEN_REFRESHER_DELEGATE, 1)
        .containsEntry(COMPLETE_REFRESHER_DELEGATE, 1)
        .doesNotContainKeys(OPEN_COHORT_DELEGATE, RECORD_SPEED_DELEGATE);
  }

  @Test
  @DisplayName(
      "the proficiency form: a proficient agent needs a date between cohort start and today")
  void proficiencyFormIsChecked() {
    ProcessInstance cohort = startCohort("cohort-4", List.of("d01"), null);
    executeJobs(cohort);
    trainAndCertify(cohort, "d01", 95L);
    managementService.executeJob(timer(cohort).getId());
    Task check = tasks(cohort, Elements.CHECK_PROFICIENCY).get(0);
    taskService.setAssignee(check.getId(), LEAD);

    assertRefused(
        check, Map.of("proficient", PROFICIENT_YES), "is required when the agent is proficient");
    assertRefused(
        check,
        Map.of("proficient", PROFICIENT_YES, "proficiencyDate", "2030-03-03"),
        "must not be before the cohort started (2030-03-04)");
    assertRefused(
        check,
        Map.of("proficient", PROFICIENT_YES, "proficiencyDate", "2030-04-30"),
        "must not be in the future");
    assertRefused(
        check,
        Map.of("proficient", PROFICIENT_YES, "proficiencyDate", "20.3.2030"),
        "must be a date");
    assertRefused(
        check,
        Map.of("proficient", PROFICIENT_NO, "proficiencyDate", "2030-03-20"),
        "is given only when the agent is proficient");
    assertThat(cohort)
        .isWaitingAt(Elements.CHECK_PROFICIENCY)
        .hasNotPassed(Elements.RECORD_PROFICIENCY);

    // Tasklist's date picker may send a date-time
    completeAs(
        LEAD,
        check,
        Map.of("proficient", PROFICIENT_YES, "proficiencyDate", "2030-03-24T00:00:00Z"));
    assertThat(cohort).isEnded();
  }

  // --- helpers

  private ProcessInstance startCohort(String cohortId, List<String> agents, String nesting) {
    VariableMap variables = Variables.createVariables();
    VENDOR_ID.on(variables, VENDOR_ID_VALUE);
    AGENTS.on(variables, agents);
    if (nesting != null) {
      NESTING_PERIOD.on(variables, nesting);
    }
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, cohortId, variables);
  }

  /** Unboxing, both trainings, and the first certification attempt of one agent. */
  private void trainAndCertify(ProcessInstance cohort, String agent, Object score) {
    completeAs(RM, task(cohort, Elements.RUN_UNBOXING), Map.of("unboxingHeldOn", "2030-03-05"));
    completeAs(
        RM,
        task(cohort, Elements.TRAIN_PRODUCT_AND_CULTURE),
        Map.of("productTopicsCovered", "PRODUCTS", "productTrainingHours", 8L));
    completeAs(
        LEAD,
        task(cohort, Elements.TRAIN_CONTACT_CENTER_SKILLS),
        Map.of("skillsCovered", "TOOLS", "skillsTrainingHours", 8L));
    certify(cohort, Elements.TAKE_CERTIFICATION, agent, score);
  }

  private void certify(ProcessInstance instance, String taskKey, String agent, Object score) {
    completeAs(LEAD, agentTask(instance, taskKey, agent), Map.of("certificationScore", score));
  }

  private void checkProficiency(
      ProcessInstance instance, String agent, Map<String, Object> values) {
    completeAs(LEAD, agentTask(instance, Elements.CHECK_PROFICIENCY, agent), values);
  }

  private void assertRefused(Task task, Map<String, Object> values, String message) {
    assertThatThrownBy(() -> taskService.complete(task.getId(), values))
        .rootCause()
        .isInstanceOf(InvalidDataException.class)
        .satisfies(
            e ->
                assertThat(((InvalidDataException) e).errors())
                    .singleElement()
                    .satisfies(
                        error -> {
                          assertThat(error.field()).isEqualTo(PROFICIENCY_DATE.name());
                          assertThat(error.message()).contains(message);
                        }));
  }

  private Task agentTask(ProcessInstance instance, String taskKey, String agent) {
    return tasks(instance, taskKey).stream()
        .filter(t -> agent.equals(taskService.getVariable(t.getId(), AGENT_ID.name())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + taskKey + " for " + agent));
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    taskService.setAssignee(task.getId(), user);
    taskService.complete(task.getId(), variables);
    executeJobs(
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult());
  }

  /** Runs the async continuations until none is left (the nesting timer is not due). */
  private void executeJobs(ProcessInstance instance) {
    if (instance == null) {
      return;
    }
    for (int round = 0; round < 50; round++) {
      List<Job> jobs =
          managementService
              .createJobQuery()
              .processInstanceId(instance.getId())
              .executable()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  private Job timer(ProcessInstance instance) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .activityId(Elements.TIMER_NESTING_PERIOD)
            .singleResult();
    assertThat(job).as("nesting timer").isNotNull();
    return job;
  }

  private Task task(ProcessInstance instance, String key) {
    List<Task> tasks = tasks(instance, key);
    assertThat(tasks).as("open %s", key).hasSize(1);
    return tasks.get(0);
  }

  private List<Task> tasks(ProcessInstance instance, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(key)
        .list();
  }

  private List<String> groupsOf(Task task) {
    return ProcessTests.candidateGroupsOf(extension.getProcessEngine(), task);
  }

  private String formOf(Task task) {
    return ProcessTests.formKeyOf(extension.getProcessEngine(), task);
  }

  private long passCount(ProcessInstance instance, String activityId) {
    return ProcessTests.passCount(extension.getProcessEngine(), instance, activityId);
  }

  private void mockDelegate(String name, JavaDelegate behaviour) {
    Mocks.register(
        name,
        (JavaDelegate)
            execution -> {
              behaviour.execute(execution);
              delegateCalls.merge(name, 1, Integer::sum);
            });
  }
}
