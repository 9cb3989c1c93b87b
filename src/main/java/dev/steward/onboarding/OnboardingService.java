package dev.steward.onboarding;

import dev.steward.kpi.ContractService;
import dev.steward.kpi.ScorecardRequest;
import dev.steward.kpi.ScorecardService;
import dev.steward.platform.AuditLog;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendor onboarding: starting it, the changes its delegates make (each safe to run twice: a retried
 * job changes nothing twice), and the scoped read of the API. The onboarding id is the process
 * instance id.
 */
@Service
public class OnboardingService {

  private static final String SYSTEM = "system";

  private final OnboardingStore store;
  private final ResponsibilitySplits splits;
  private final VendorService vendors;
  private final ScorecardService scorecards;
  private final ContractService contracts;
  private final TaskActors actors;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final AuditLog auditLog;
  private final Clock clock;

  OnboardingService(
      OnboardingStore store,
      ResponsibilitySplits splits,
      VendorService vendors,
      ScorecardService scorecards,
      ContractService contracts,
      TaskActors actors,
      RuntimeService runtimeService,
      TaskService taskService,
      HistoryService historyService,
      AuditLog auditLog,
      Clock clock) {
    this.store = store;
    this.splits = splits;
    this.vendors = vendors;
    this.scorecards = scorecards;
    this.contracts = contracts;
    this.actors = actors;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  // --- called by the process delegates
  // -----------------------------------------------------------------------

  /** Decides the split for the vendor's involvement level and opens the onboarding record. */
  @Transactional
  public ResponsibilitySplit determineSplit(String onboardingId, String vendorId) {
    var existing = store.find(onboardingId);
    if (existing.isPresent()) {
      return existing.get().split();
    }
    Vendor vendor = vendor(vendorId);
    ResponsibilitySplit split = splits.decide(vendor.getInvolvement());
    store.create(onboardingId, vendorId, split, clock.instant());
    auditLog.record(
        SYSTEM,
        "ONBOARDING_STARTED",
        "vendor",
        vendorId,
        "involvement=" + split.involvement() + " split=" + split.byOutputName());
    return split;
  }

  /** Sets the vendor's scorecard and contract as the relationship manager agreed them. */
  @Transactional
  void applyContract(String onboardingId, String vendorId, ContractAndTargets agreed) {
    String by =
        actorOr(actors.lastCompletedBy(onboardingId, OnboardingProcess.Elements.AGREE_CONTRACT));
    StewardPrincipal actor = new StewardPrincipal(by, by, Set.of(Role.RELATIONSHIP_MANAGER), null);
    // the scorecard first: the contract may credit only KPIs the scorecard has
    scorecards.replaceDefinition(vendorId, ScorecardRequest.of(agreed.scorecard()), actor);
    contracts.replace(vendorId, agreed.contract(), actor);
    store.contractApplied(onboardingId, by, agreed.keepDefaultKpiTargets(), clock.instant());
  }

  @Transactional
  public void assignRelationshipManager(
      String onboardingId, String vendorId, String relationshipManager) {
    String by =
        actorOr(
            actors.lastCompletedBy(
                onboardingId, OnboardingProcess.Elements.ASSIGN_RELATIONSHIP_MANAGER));
    vendors.assignRelationshipManager(vendorId, relationshipManager, by);
    store.relationshipManagerAssigned(onboardingId, relationshipManager, by, clock.instant());
  }

  @Transactional
  public void recordGroundRules(
      String onboardingId,
      String vendorId,
      String syncCadence,
      String reportingCadence,
      String escalationPath) {
    String by =
        actorOr(actors.lastCompletedBy(onboardingId, OnboardingProcess.Elements.SET_GROUND_RULES));
    store.groundRulesSet(
        onboardingId, syncCadence, reportingCadence, escalationPath, by, clock.instant());
    auditLog.record(
        by,
        "ONBOARDING_GROUND_RULES_SET",
        "vendor",
        vendorId,
        "sync=" + syncCadence + " reporting=" + reportingCadence);
  }

  @Transactional
  public void recordVettingDecision(
      String onboardingId,
      String vendorId,
      String agentId,
      String decision,
      String note,
      String interviewedBy) {
    String by = actorOr(interviewedBy);
    store.decide(
        onboardingId, new OnboardingStore.Candidate(agentId, decision, note, by, clock.instant()));
    auditLog.record(by, "ONBOARDING_CANDIDATE_" + decision, "vendor", vendorId, "agent " + agentId);
  }

  /** The approved and the rejected candidates of the onboarding so far. */
  record VettingResults(List<String> approved, List<String> rejected) {}

  @Transactional(readOnly = true)
  public VettingResults vettingResults(String onboardingId) {
    List<String> approved = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    for (OnboardingStore.Candidate candidate : store.candidates(onboardingId)) {
      (OnboardingProcess.APPROVED.equals(candidate.decision()) ? approved : rejected)
          .add(candidate.agentId());
    }
    return new VettingResults(approved, rejected);
  }

  /** Marks the onboarding complete and returns the approved agents. */
  @Transactional
  public List<String> complete(String onboardingId, String vendorId) {
    List<String> approved = vettingResults(onboardingId).approved();
    if (store.complete(onboardingId, clock.instant())) {
      auditLog.record(
          SYSTEM,
          "ONBOARDING_COMPLETED",
          "vendor",
          vendorId,
          approved.size() + " agents approved: " + String.join(",", approved));
    }
    return approved;
  }

  // --- the API
  // ----------------------------------------------------------------------------------------------

  /** The vendor's latest onboarding; 404 if the caller may not see the vendor or it has none. */
  @Transactional(readOnly = true)
  public OnboardingView view(String vendorId, StewardPrincipal caller) {
    vendors.find(vendorId, caller);
    OnboardingStore.Onboarding onboarding =
        store
            .latestOf(vendorId)
            .orElseThrow(() -> new NotFoundException("Onboarding of vendor", vendorId));
    List<OnboardingView.Step> open = openSteps(onboarding.id());
    List<OnboardingStore.Candidate> candidates = store.candidates(onboarding.id());
    List<String> approved =
        candidates.stream()
            .filter(c -> OnboardingProcess.APPROVED.equals(c.decision()))
            .map(OnboardingStore.Candidate::agentId)
            .toList();
    List<OnboardingView.Candidate> rejected =
        candidates.stream()
            .filter(c -> !OnboardingProcess.APPROVED.equals(c.decision()))
            .map(
                c ->
                    new OnboardingView.Candidate(
                        c.agentId(), c.note(), c.decidedBy(), c.decidedAt()))
            .toList();
    List<String> awaiting =
        open.stream()
            .filter(s -> OnboardingProcess.Elements.INTERVIEW_CANDIDATE.equals(s.taskKey()))
            .map(OnboardingView.Step::candidateId)
            .sorted()
            .toList();
    return new OnboardingView(
        onboarding.id(),
        vendorId,
        onboarding.completedAt() == null ? "IN_PROGRESS" : "COMPLETED",
        onboarding.startedAt(),
        onboarding.completedAt(),
        onboarding.split().involvement().name(),
        onboarding.split().byOutputName(),
        onboarding.groundRulesSetAt() == null
            ? null
            : new OnboardingView.GroundRules(
                onboarding.syncCadence(),
                onboarding.reportingCadence(),
                onboarding.escalationPath(),
                onboarding.groundRulesSetBy(),
                onboarding.groundRulesSetAt()),
        new OnboardingView.ContractStatus(
            onboarding.contractAppliedAt() == null ? "PENDING" : "APPLIED",
            onboarding.defaultKpiTargets(),
            onboarding.contractAppliedBy(),
            onboarding.contractAppliedAt()),
        onboarding.relationshipManager() == null
            ? null
            : new OnboardingView.RelationshipManager(
                onboarding.relationshipManager(),
                onboarding.relationshipManagerAssignedBy(),
                onboarding.relationshipManagerAssignedAt()),
        new OnboardingView.Vetting(approved, rejected, awaiting),
        open,
        completedSteps(onboarding.id()));
  }

  private List<OnboardingView.Step> openSteps(String onboardingId) {
    List<OnboardingView.Step> steps = new ArrayList<>();
    for (Task task :
        taskService
            .createTaskQuery()
            .processInstanceId(onboardingId)
            .orderByTaskCreateTime()
            .asc()
            .list()) {
      Object candidate =
          OnboardingProcess.Elements.INTERVIEW_CANDIDATE.equals(task.getTaskDefinitionKey())
              ? taskService.getVariable(task.getId(), OnboardingProcess.CANDIDATE_ID.name())
              : null;
      steps.add(
          new OnboardingView.Step(
              task.getTaskDefinitionKey(),
              task.getName(),
              owner(taskService.getIdentityLinksForTask(task.getId())),
              candidate == null ? null : candidate.toString(),
              task.getCreateTime().toInstant(),
              null,
              null));
    }
    steps.sort(
        Comparator.comparingInt(
                (OnboardingView.Step s) ->
                    OnboardingProcess.Elements.USER_TASKS.indexOf(s.taskKey()))
            .thenComparing(s -> s.candidateId() == null ? "" : s.candidateId()));
    return steps;
  }

  private List<OnboardingView.Step> completedSteps(String onboardingId) {
    List<OnboardingView.Step> steps = new ArrayList<>();
    for (HistoricTaskInstance task :
        historyService
            .createHistoricTaskInstanceQuery()
            .processInstanceId(onboardingId)
            .finished()
            .orderByHistoricTaskInstanceEndTime()
            .asc()
            .list()) {
      if (!"completed".equals(task.getDeleteReason())) {
        continue; // cancelled, not done
      }
      Owner owner =
          historyService
              .createHistoricIdentityLinkLogQuery()
              .taskId(task.getId())
              .type(IdentityLinkType.CANDIDATE)
              .list()
              .stream()
              .map(link -> ownerOf(link.getGroupId()))
              .filter(o -> o != null)
              .findFirst()
              .orElse(null);
      steps.add(
          new OnboardingView.Step(
              task.getTaskDefinitionKey(),
              task.getName(),
              owner,
              null,
              task.getStartTime().toInstant(),
              task.getAssignee(),
              task.getEndTime().toInstant()));
    }
    return steps;
  }

  private static Owner owner(List<IdentityLink> links) {
    return links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(link -> ownerOf(link.getGroupId()))
        .filter(o -> o != null)
        .findFirst()
        .orElse(null);
  }

  private static Owner ownerOf(String groupId) {
    return Owner.ofGroup(groupId).orElse(null);
  }

  private Vendor vendor(String vendorId) {
    return vendors
        .findForSystem(vendorId)
        .orElseThrow(() -> new IllegalStateException("No vendor has id " + vendorId));
  }

  private static String actorOr(String actor) {
    return actor == null ? SYSTEM : actor;
  }
}
