package dev.steward.training;

import dev.steward.onboarding.AgentIds;
import dev.steward.onboarding.Owner;
import dev.steward.onboarding.Responsibility;
import dev.steward.onboarding.ResponsibilitySplit;
import dev.steward.onboarding.ResponsibilitySplits;
import dev.steward.platform.AuditLog;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agent training: opening cohorts and refreshers, the records its delegates make (each safe to run
 * twice: a retried job changes nothing twice), and the scoped reads of the API.
 */
@Service
public class TrainingService {

  private static final Logger log = LoggerFactory.getLogger(TrainingService.class);
  private static final String SYSTEM = "system";

  /** ISO-8601 durations the engine's timer accepts, e.g. P14D, P2W, PT36H. */
  private static final Pattern DURATION =
      Pattern.compile(
          "P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?");

  private final TrainingStore store;
  private final VendorService vendors;
  private final ResponsibilitySplits splits;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final AuditLog auditLog;
  private final Clock clock;

  TrainingService(
      TrainingStore store,
      VendorService vendors,
      ResponsibilitySplits splits,
      RuntimeService runtimeService,
      HistoryService historyService,
      TaskService taskService,
      AuditLog auditLog,
      Clock clock) {
    this.store = store;
    this.vendors = vendors;
    this.splits = splits;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  /** The business key of the refresher QA requests for an agent in a cycle. */
  public static String refresherKey(String qaCycleId, String agentId) {
    return "refresher:" + qaCycleId + ":" + agentId;
  }

  /**
   * Starts a refresher for an agent QA flagged in a cycle, once: a second request for the same
   * cycle and agent starts nothing. Runs in the caller's transaction (QA's), so the refresher and
   * QA's results commit or roll back together.
   *
   * @return whether a refresher was started now
   */
  @Transactional
  public boolean requestRefresher(String vendorId, String agentId, String qaCycleId) {
    String key = refresherKey(qaCycleId, agentId);
    if (store.cohort(key).isPresent() || instanceExists(key)) {
      log.info("Refresher {} already requested; nothing to do", key);
      return false;
    }
    AgentIds.check(TrainingProcess.AGENT_ID.name(), List.of(agentId));
    Vendor vendor = vendor(vendorId);
    Instant now = clock.instant();
    // the row first: of two concurrent requests, its primary key lets only one through
    store.createCohort(
        new TrainingStore.Cohort(
            key,
            vendor.getId(),
            CohortKind.REFRESHER,
            null,
            qaCycleId,
            now,
            LocalDate.ofInstant(now, vendor.getTimeZone()),
            null,
            null,
            null,
            null,
            null),
        List.of(agentId));
    VariableMap variables = Variables.createVariables();
    TrainingProcess.VENDOR_ID.on(variables, vendorId);
    TrainingProcess.AGENT_ID.on(variables, agentId);
    TrainingProcess.QA_CYCLE_ID.on(variables, qaCycleId);
    String instanceId =
        runtimeService
            .startProcessInstanceByMessage(TrainingProcess.MSG_REFRESHER_REQUESTED, key, variables)
            .getId();
    store.processInstance(key, instanceId);
    auditLog.record(
        SYSTEM,
        "REFRESHER_TRAINING_REQUESTED",
        "vendor",
        vendorId,
        "agent " + agentId + " after QA cycle " + qaCycleId);
    return true;
  }

  private boolean instanceExists(String businessKey) {
    return historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(TrainingProcess.PROCESS_KEY)
            .processInstanceBusinessKey(businessKey)
            .count()
        > 0;
  }

  // --- called by the process delegates
  // -----------------------------------------------------------------------

  /** What a cohort's process needs to know once it is open. */
  record Opened(
      String cohortId,
      CohortKind kind,
      List<String> agents,
      String nestingPeriod,
      LocalDate startedOn,
      ZoneId vendorTimeZone,
      String trainingGroup,
      String coachingGroup) {}

  /**
   * Opens a cohort (idempotent for the process instance).
   *
   * @param businessKey the cohort id the caller chose, or {@code null}: then a new one
   * @param nestingPeriod an ISO-8601 duration, or {@code null} for the default
   * @throws dev.steward.platform.InvalidDataException for agent ids outside the interaction
   *     alphabet
   * @throws IllegalArgumentException for a nesting period that is not a duration
   */
  @Transactional
  public Opened openCohort(
      String processInstanceId,
      String businessKey,
      String vendorId,
      List<String> agents,
      String nestingPeriod) {
    String nesting = nestingPeriod == null ? TrainingProcess.DEFAULT_NESTING_PERIOD : nestingPeriod;
    if (!DURATION.matcher(nesting).matches()) {
      throw new IllegalArgumentException(
          "nestingPeriod '" + nesting + "' is not an ISO-8601 duration such as P14D");
    }
    AgentIds.check(TrainingProcess.AGENTS.name(), agents);
    Vendor vendor = vendor(vendorId);
    String cohortId = businessKey;
    var existing =
        cohortId == null || cohortId.isBlank() ? null : store.cohort(cohortId).orElse(null);
    if (existing != null && processInstanceId.equals(existing.processInstanceId())) {
      return opened(existing, vendor); // a retried job
    }
    if (cohortId == null || cohortId.isBlank() || existing != null || cohortId.length() > 200) {
      cohortId = "cohort-" + UUID.randomUUID();
    }
    Instant now = clock.instant();
    TrainingStore.Cohort cohort =
        new TrainingStore.Cohort(
            cohortId,
            vendor.getId(),
            CohortKind.COHORT,
            processInstanceId,
            null,
            now,
            LocalDate.ofInstant(now, vendor.getTimeZone()),
            nesting,
            null,
            null,
            null,
            null);
    store.createCohort(cohort, agents);
    auditLog.record(
        SYSTEM,
        "TRAINING_COHORT_OPENED",
        "vendor",
        vendorId,
        "cohort " + cohortId + ": " + agents.size() + " agents, nesting " + nesting);
    return opened(cohort, vendor);
  }

  /** Opens (or re-reads) the refresher cohort {@link #requestRefresher} created. */
  @Transactional
  public Opened openRefresher(
      String processInstanceId,
      String businessKey,
      String vendorId,
      String agentId,
      String qaCycleId) {
    Vendor vendor = vendor(vendorId);
    if (businessKey != null && !businessKey.isBlank()) {
      var existing = store.cohort(businessKey);
      if (existing.isPresent()) {
        if (existing.get().processInstanceId() == null) {
          store.processInstance(businessKey, processInstanceId);
        }
        return opened(existing.get(), vendor);
      }
    }
    // started without requestRefresher (e.g. by an administrator in Cockpit)
    AgentIds.check(TrainingProcess.AGENT_ID.name(), List.of(agentId));
    String cohortId =
        businessKey == null || businessKey.isBlank() || businessKey.length() > 200
            ? "refresher:" + UUID.randomUUID()
            : businessKey;
    Instant now = clock.instant();
    TrainingStore.Cohort cohort =
        new TrainingStore.Cohort(
            cohortId,
            vendor.getId(),
            CohortKind.REFRESHER,
            processInstanceId,
            qaCycleId,
            now,
            LocalDate.ofInstant(now, vendor.getTimeZone()),
            null,
            null,
            null,
            null,
            null);
    store.createCohort(cohort, List.of(agentId));
    return opened(cohort, vendor);
  }

  private Opened opened(TrainingStore.Cohort cohort, Vendor vendor) {
    ResponsibilitySplit split = splits.forVendor(vendor.getId());
    return new Opened(
        cohort.id(),
        cohort.kind(),
        store.agents(cohort.id()).stream().map(TrainingStore.Agent::agentId).toList(),
        cohort.nestingPeriod(),
        cohort.startedOn(),
        vendor.getTimeZone(),
        split.group(Responsibility.TRAINING),
        split.group(Responsibility.COACHING));
  }

  /**
   * Records a certification attempt and the agent's status: certified when the score reaches the
   * pass mark, not certified after a failed retake.
   *
   * @return whether the attempt passed
   */
  @Transactional
  public boolean recordAttempt(
      String cohortId, String agentId, int attempt, double score, String assessedBy) {
    if (attempt < 1 || attempt > TrainingProcess.MAX_ATTEMPTS) {
      throw new IllegalArgumentException(
          "Attempt " + attempt + " of at most " + TrainingProcess.MAX_ATTEMPTS);
    }
    if (!(score >= 0 && score <= 100)) {
      throw new IllegalArgumentException("Certification score " + score + " is not 0-100");
    }
    boolean passed = score >= TrainingProcess.PASS_MARK;
    store.attempt(
        cohortId,
        new TrainingStore.Attempt(agentId, attempt, score, passed, assessedBy, clock.instant()));
    AgentStatus status =
        passed
            ? AgentStatus.CERTIFIED
            : attempt >= TrainingProcess.MAX_ATTEMPTS
                ? AgentStatus.NOT_CERTIFIED
                : AgentStatus.IN_TRAINING;
    store.status(cohortId, agentId, status);
    if (status != AgentStatus.IN_TRAINING) {
      auditLog.record(
          assessedBy == null ? SYSTEM : assessedBy,
          "AGENT_" + status,
          "training-cohort",
          cohortId,
          "agent " + agentId + " scored " + score + " on attempt " + attempt);
    }
    return passed;
  }

  /** The agents of the cohort who are certified. */
  @Transactional(readOnly = true)
  public List<String> certifiedAgents(String cohortId) {
    return store.agents(cohortId).stream()
        .filter(a -> a.status() == AgentStatus.CERTIFIED)
        .map(TrainingStore.Agent::agentId)
        .toList();
  }

  /** Records the proficiency check of one certified agent. */
  @Transactional
  public void recordProficiency(
      String cohortId, String agentId, boolean proficient, LocalDate date, String checkedBy) {
    TrainingStore.Cohort cohort = cohort(cohortId);
    if (proficient) {
      if (date == null || date.isBefore(cohort.startedOn())) {
        throw new IllegalArgumentException(
            "Proficiency date " + date + " of " + agentId + " is before the cohort started");
      }
      store.proficiency(
          cohortId,
          agentId,
          AgentStatus.PROFICIENT,
          date,
          SpeedToProficiency.days(cohort.startedOn(), date),
          checkedBy);
    } else {
      store.proficiency(cohortId, agentId, AgentStatus.NOT_PROFICIENT, null, null, checkedBy);
    }
  }

  /** Computes and stores the cohort's speed to proficiency, and closes the cohort. */
  @Transactional
  public SpeedToProficiency recordSpeedToProficiency(String cohortId) {
    List<Integer> days =
        store.agents(cohortId).stream()
            .map(TrainingStore.Agent::daysToProficiency)
            .filter(d -> d != null)
            .toList();
    SpeedToProficiency speed = SpeedToProficiency.of(days);
    boolean first = cohort(cohortId).completedAt() == null;
    store.speedToProficiency(cohortId, speed, clock.instant());
    if (first) {
      auditLog.record(
          SYSTEM,
          "TRAINING_COHORT_COMPLETED",
          "training-cohort",
          cohortId,
          speed.proficientAgents()
              + " proficient, median "
              + speed.medianDays()
              + " days, mean "
              + speed.meanDays()
              + " days");
    }
    return speed;
  }

  /** Closes a refresher. */
  @Transactional
  public void completeRefresher(String cohortId) {
    if (store.completed(cohortId, clock.instant())) {
      String outcome =
          store.agents(cohortId).stream()
              .map(a -> a.agentId() + " " + a.status())
              .reduce((a, b) -> a + ", " + b)
              .orElse("");
      auditLog.record(SYSTEM, "REFRESHER_TRAINING_COMPLETED", "training-cohort", cohortId, outcome);
    }
  }

  // --- the API
  // ----------------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<CohortSummary> cohortsOf(String vendorId, StewardPrincipal caller) {
    vendors.find(vendorId, caller);
    return store.cohortsOf(vendorId).stream()
        .map(c -> CohortSummary.of(c, store.agents(c.id())))
        .toList();
  }

  /** One cohort; 404 if it does not exist or its vendor is not the caller's. */
  @Transactional(readOnly = true)
  public CohortView cohort(String cohortId, StewardPrincipal caller) {
    TrainingStore.Cohort cohort =
        store
            .cohort(cohortId)
            .orElseThrow(() -> new NotFoundException("Training cohort", cohortId));
    try {
      vendors.find(cohort.vendorId(), caller);
    } catch (NotFoundException e) {
      throw new NotFoundException("Training cohort", cohortId);
    }
    List<TrainingStore.Agent> agents = store.agents(cohortId);
    Map<String, List<CohortView.Attempt>> attempts = new LinkedHashMap<>();
    for (TrainingStore.Attempt a : store.attempts(cohortId)) {
      attempts
          .computeIfAbsent(a.agentId(), k -> new ArrayList<>())
          .add(
              new CohortView.Attempt(
                  a.attempt(),
                  CohortView.rounded(a.score()),
                  a.passed(),
                  a.recordedBy(),
                  a.recordedAt()));
    }
    List<CohortView.AgentView> agentViews =
        agents.stream()
            .map(
                a ->
                    new CohortView.AgentView(
                        a.agentId(),
                        a.status().name(),
                        attempts.getOrDefault(a.agentId(), List.of()),
                        a.proficiencyDate(),
                        a.daysToProficiency(),
                        a.proficiencyCheckedBy()))
            .toList();
    return new CohortView(
        CohortSummary.of(cohort, agents), agentViews, openSteps(cohort.processInstanceId()));
  }

  private List<CohortView.Step> openSteps(String processInstanceId) {
    if (processInstanceId == null) {
      return List.of();
    }
    List<CohortView.Step> steps = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      boolean perAgent =
          task.getTaskDefinitionKey().equals(TrainingProcess.Elements.TAKE_CERTIFICATION)
              || task.getTaskDefinitionKey().equals(TrainingProcess.Elements.RETAKE_CERTIFICATION)
              || task.getTaskDefinitionKey().equals(TrainingProcess.Elements.CHECK_PROFICIENCY);
      Object agent =
          perAgent ? taskService.getVariable(task.getId(), TrainingProcess.AGENT_ID.name()) : null;
      Owner owner =
          taskService.getIdentityLinksForTask(task.getId()).stream()
              .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
              .map(link -> Owner.ofGroup(link.getGroupId()).orElse(null))
              .filter(o -> o != null)
              .findFirst()
              .orElse(null);
      steps.add(
          new CohortView.Step(
              task.getTaskDefinitionKey(),
              task.getName(),
              owner,
              agent == null ? null : agent.toString(),
              task.getCreateTime().toInstant()));
    }
    steps.sort(
        Comparator.comparingInt(
                (CohortView.Step s) -> TrainingProcess.Elements.USER_TASKS.indexOf(s.taskKey()))
            .thenComparing(s -> s.agentId() == null ? "" : s.agentId()));
    return steps;
  }

  /** A date from a form (yyyy-MM-dd, or the date of a date-time); {@code null} if unreadable. */
  static LocalDate parseDate(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String date = text.strip();
    // Tasklist's date picker sends a date; tolerate a date-time by taking its date
    if (date.length() > 10 && date.charAt(10) == 'T') {
      date = date.substring(0, 10);
    }
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private TrainingStore.Cohort cohort(String cohortId) {
    return store
        .cohort(cohortId)
        .orElseThrow(() -> new IllegalStateException("No training cohort " + cohortId));
  }

  private Vendor vendor(String vendorId) {
    return vendors
        .findForSystem(vendorId)
        .orElseThrow(() -> new IllegalArgumentException("No vendor has id " + vendorId));
  }
}
