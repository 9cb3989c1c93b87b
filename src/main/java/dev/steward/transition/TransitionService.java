package dev.steward.transition;

import dev.steward.identity.UserAccounts;
import dev.steward.kpi.BalancedScore;
import dev.steward.kpi.KpiKey;
import dev.steward.kpi.KpiTarget;
import dev.steward.kpi.ScorecardDefinition;
import dev.steward.kpi.ScorecardService;
import dev.steward.platform.AuditLog;
import dev.steward.platform.ConflictException;
import dev.steward.platform.DecisionLog;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.review.TransitionProposed;
import dev.steward.transition.TransitionStore.Source;
import dev.steward.transition.TransitionStore.TransitionRow;
import dev.steward.vendor.LifecyclePhase;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorLifecycleMessages;
import dev.steward.vendor.VendorLifecycleProcess;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendor transitions: the proposal (from the API or a quarterly review), the steps {@code
 * VendorTransition} takes (four-eyes approvals, parallel run, cut-over), each safe to repeat on a
 * retried job, and the API's reads.
 */
@Service
public class TransitionService {

  static final int DEFAULT_PARALLEL_RUN_DAYS = 30;
  static final int MAX_DAYS = 180;

  private static final Logger log = LoggerFactory.getLogger(TransitionService.class);

  private final TransitionStore store;
  private final VendorService vendors;
  private final ScorecardService scorecards;
  private final DecisionLog decisions;
  private final AuditLog auditLog;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  private final UserAccounts userAccounts;
  private final VendorLifecycleMessages lifecycles;

  TransitionService(
      TransitionStore store,
      VendorService vendors,
      ScorecardService scorecards,
      DecisionLog decisions,
      AuditLog auditLog,
      RuntimeService runtimeService,
      IdentityService identityService,
      UserAccounts userAccounts,
      VendorLifecycleMessages lifecycles,
      ApplicationEventPublisher events,
      Clock clock) {
    this.userAccounts = userAccounts;
    this.lifecycles = lifecycles;
    this.store = store;
    this.vendors = vendors;
    this.scorecards = scorecards;
    this.decisions = decisions;
    this.auditLog = auditLog;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.events = events;
    this.clock = clock;
  }

  // --- proposals

  /**
   * An RM's proposal: 404 for a vendor the caller may not see, 422 for invalid data, 409 when the
   * vendor is not OPERATING or already has an open transition.
   */
  @Transactional
  public TransitionView propose(String vendorId, NewTransition request, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    List<FieldError> errors = new ArrayList<>();
    String reason = request.reason() == null ? "" : request.reason().strip();
    if (reason.isEmpty() || reason.length() > 4000) {
      errors.add(FieldError.field("reason", "1-4000 characters"));
    }
    boolean newEvaluation = Boolean.TRUE.equals(request.newEvaluation());
    String successorId =
        request.successorVendorId() == null || request.successorVendorId().isBlank()
            ? null
            : request.successorVendorId().strip();
    if (successorId == null && !newEvaluation) {
      errors.add(
          FieldError.field(
              "successorVendorId", "name the successor, or set newEvaluation to true"));
    } else if (successorId != null && newEvaluation) {
      errors.add(
          FieldError.field(
              "newEvaluation", "false when a successor is named: exactly one of the two"));
    } else if (successorId != null) {
      successorProblem(vendorId, vendors.findForSystem(successorId).orElse(null), successorId)
          .ifPresent(problem -> errors.add(FieldError.field("successorVendorId", problem)));
    }
    Integer days = request.parallelRunDays();
    if (days != null && (days < 1 || days > MAX_DAYS)) {
      errors.add(FieldError.field("parallelRunDays", "a whole number from 1 to " + MAX_DAYS));
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The transition proposal has invalid data", errors);
    }
    store.lockVendor(vendorId);
    if (vendor.getLifecyclePhase() != LifecyclePhase.OPERATING) {
      throw new ConflictException(
          "Vendor "
              + vendor.getCode()
              + " is in phase "
              + vendor.getLifecyclePhase()
              + "; only an OPERATING vendor can be transitioned");
    }
    if (store.hasOpen(vendorId)) {
      throw new ConflictException("Vendor " + vendor.getCode() + " already has an open transition");
    }
    String id =
        start(
            vendor,
            successorId,
            newEvaluation,
            reason,
            Source.API,
            null,
            caller.username(),
            days == null ? DEFAULT_PARALLEL_RUN_DAYS : days);
    return view(store.find(id).orElseThrow());
  }

  /**
   * A quarterly review proposed the transition: starts one per review (a repeated event finds the
   * first), with the vendor's RM as proposer; the RM's first task asks for the successor. A vendor
   * that is not OPERATING or already has an open transition is skipped (recorded), so the review's
   * own transaction is never refused.
   */
  @Transactional
  public Optional<String> proposeFromReview(TransitionProposed proposed) {
    Optional<TransitionRow> existing = store.byReview(proposed.reviewId());
    if (existing.isPresent()) {
      return Optional.of(existing.get().id());
    }
    Optional<Vendor> found = vendors.findForSystem(proposed.vendorId());
    if (found.isEmpty()) {
      log.warn(
          "Review {} proposed a transition of unknown vendor {}",
          proposed.reviewId(),
          proposed.vendorId());
      return Optional.empty();
    }
    Vendor vendor = found.get();
    store.lockVendor(vendor.getId());
    existing = store.byReview(proposed.reviewId());
    if (existing.isPresent()) {
      return Optional.of(existing.get().id());
    }
    String proposer =
        vendor.getRelationshipManager() != null
            ? vendor.getRelationshipManager()
            : proposed.proposedBy() == null ? "system" : proposed.proposedBy();
    if (vendor.getLifecyclePhase() != LifecyclePhase.OPERATING || store.hasOpen(vendor.getId())) {
      auditLog.record(
          proposer,
          "TRANSITION_PROPOSAL_SKIPPED",
          "vendor",
          vendor.getId(),
          "review "
              + proposed.reviewId()
              + ": vendor is "
              + vendor.getLifecyclePhase()
              + (store.hasOpen(vendor.getId()) ? " with an open transition" : ""));
      return Optional.empty();
    }
    String reason =
        proposed.reason() == null || proposed.reason().isBlank()
            ? "Proposed by quarterly review " + proposed.reviewId()
            : proposed.reason().strip();
    return Optional.of(
        start(
            vendor,
            null,
            false,
            reason.length() > 4000 ? reason.substring(0, 4000) : reason,
            Source.REVIEW,
            proposed.reviewId(),
            proposer,
            DEFAULT_PARALLEL_RUN_DAYS));
  }

  private String start(
      Vendor vendor,
      String successorId,
      boolean newEvaluation,
      String reason,
      Source source,
      String reviewId,
      String proposedBy,
      int days) {
    String id = UUID.randomUUID().toString();
    store.insert(
        id,
        vendor.getId(),
        successorId,
        newEvaluation,
        reason,
        source,
        reviewId,
        proposedBy,
        now(),
        days);
    auditLog.record(
        proposedBy,
        "TRANSITION_PROPOSED",
        "transition",
        id,
        "vendor " + vendor.getCode() + (reviewId == null ? "" : " by review " + reviewId));
    VariableMap variables = Variables.createVariables();
    TransitionProcess.VENDOR_ID.on(variables, vendor.getId());
    TransitionProcess.TRANSITION_ID.on(variables, id);
    TransitionProcess.PROPOSED_BY.on(variables, proposedBy);
    TransitionProcess.RELATIONSHIP_MANAGER.on(variables, vendor.getRelationshipManager());
    TransitionProcess.PROPOSAL_COMPLETE.on(variables, successorId != null || newEvaluation);
    TransitionProcess.HAS_SUCCESSOR.on(variables, successorId != null);
    TransitionProcess.PROPOSAL.on(variables, proposalText(store.find(id).orElseThrow()));
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(TransitionProcess.PROCESS_KEY, id, variables);
    store.processInstance(id, instance.getId());
    return id;
  }

  /** What the proposal task's form submitted, checked: the successor or a new evaluation. */
  public record Proposal(boolean hasSuccessor, String text) {}

  /**
   * Completes a review's proposal with the RM's answer; 422 naming every problem (the RM's task
   * then stays open).
   */
  @Transactional
  public Proposal completeProposal(
      String transitionId, String successorCode, Boolean newEvaluation, Number days, String by) {
    TransitionRow t = store.lock(transitionId).orElseThrow(() -> missing(transitionId));
    List<FieldError> errors = new ArrayList<>();
    String code = successorCode == null || successorCode.isBlank() ? null : successorCode.strip();
    boolean evaluate = Boolean.TRUE.equals(newEvaluation);
    String successorId = null;
    if (code == null && !evaluate) {
      errors.add(
          FieldError.field(
              TransitionProcess.SUCCESSOR_VENDOR_CODE.name(),
              "name the successor's vendor code, or tick a new evaluation"));
    } else if (code != null && evaluate) {
      errors.add(
          FieldError.field(
              TransitionProcess.NEW_EVALUATION.name(),
              "leave unticked when a successor is named: exactly one of the two"));
    } else if (code != null) {
      Optional<VendorView> successor = vendors.findByCode(code);
      Optional<String> problem =
          successor.isEmpty()
              ? Optional.of("no vendor has code '" + code + "'")
              : successorProblem(
                  t.vendorId(),
                  vendors.findForSystem(successor.get().id()).orElse(null),
                  successor.get().id());
      if (problem.isPresent()) {
        errors.add(FieldError.field(TransitionProcess.SUCCESSOR_VENDOR_CODE.name(), problem.get()));
      } else {
        successorId = successor.get().id();
      }
    }
    Integer runDays = DEFAULT_PARALLEL_RUN_DAYS;
    if (days != null) {
      double d = days.doubleValue();
      if (d != Math.rint(d) || d < 1 || d > MAX_DAYS) {
        errors.add(
            FieldError.field(
                TransitionProcess.PARALLEL_RUN_DAYS.name(),
                "a whole number from 1 to " + MAX_DAYS));
      } else {
        runDays = (int) d;
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The transition proposal has invalid data", errors);
    }
    store.proposalCompleted(transitionId, successorId, evaluate, runDays);
    auditLog.record(
        who(by),
        "TRANSITION_PROPOSAL_COMPLETED",
        "transition",
        transitionId,
        successorId == null ? "new evaluation" : "successor " + code);
    return new Proposal(successorId != null, proposalText(store.find(transitionId).orElseThrow()));
  }

  // --- four-eyes approvals

  /**
   * Four-eyes: the proposer may not decide, and the second decision must come from another
   * executive than the first. 409: the request is valid, but this user's earlier part in the
   * transition conflicts with deciding it.
   */
  @Transactional(readOnly = true)
  public void checkApprover(String transitionId, int step, String user) {
    TransitionRow t = store.find(transitionId).orElseThrow(() -> missing(transitionId));
    if (user == null) {
      throw new ConflictException("An approval must be claimed by an executive before it is done");
    }
    if (user.equals(t.proposedBy())) {
      throw new ConflictException(
          user
              + " proposed this transition and may not approve it: two other executives decide"
              + " (four-eyes)");
    }
    if (step == 2 && user.equals(t.firstApprovedBy())) {
      throw new ConflictException(
          user
              + " gave the first approval; the second must come from a different executive"
              + " (four-eyes)");
    }
  }

  /**
   * Records an executive's approval or rejection (first or second) with what they saw, in the
   * decision's transaction; returns {@value TransitionProcess#APPROVE} or {@value
   * TransitionProcess#REJECT}. Repeated for the same step, returns what was recorded.
   */
  @Transactional
  public String recordApproval(
      String transitionId,
      int step,
      String decision,
      String reason,
      String by,
      String shown,
      String processInstanceId,
      String taskId) {
    TransitionRow t = store.lock(transitionId).orElseThrow(() -> missing(transitionId));
    if (t.rejectedBy() != null) {
      return TransitionProcess.REJECT;
    }
    if ((step == 1 && t.firstApprovedBy() != null) || (step == 2 && t.secondApprovedBy() != null)) {
      return TransitionProcess.APPROVE;
    }
    if (!TransitionProcess.APPROVE.equals(decision) && !TransitionProcess.REJECT.equals(decision)) {
      throw new IllegalStateException("Decision '" + decision + "' is neither APPROVE nor REJECT");
    }
    checkApprover(transitionId, step, by);
    Instant at = now();
    boolean approved = TransitionProcess.APPROVE.equals(decision);
    decisions.record(
        new DecisionLog.Decision(
            t.vendorId(),
            DecisionLog.Kind.TRANSITION_APPROVAL,
            approved ? "APPROVED" : "REJECTED",
            by,
            at,
            reason,
            shown,
            processInstanceId,
            taskId,
            transitionId));
    if (!approved) {
      store.rejected(transitionId, by, at, reason);
    } else if (step == 1) {
      store.firstApproved(transitionId, by, at);
    } else {
      store.secondApproved(transitionId, by, at);
    }
    auditLog.record(
        by,
        approved ? "TRANSITION_APPROVED_" + step : "TRANSITION_REJECTED",
        "transition",
        transitionId,
        reason);
    return decision;
  }

  /** The rejected transition ends: tells whoever listens (the vendor returns to improvement). */
  @Transactional
  public void closeRejected(String transitionId) {
    TransitionRow t = store.find(transitionId).orElseThrow(() -> missing(transitionId));
    events.publishEvent(
        new TransitionRejected(
            t.vendorId(), t.id(), t.rejectionReason(), t.rejectedBy(), t.rejectedAt()));
  }

  /**
   * Both executives approved: the outgoing vendor's lifecycle enters TRANSITION. Returns how many
   * lifecycle instances received the message (0 for a vendor without a waiting lifecycle).
   */
  @Transactional
  public int announceApproved(String transitionId) {
    TransitionRow t = store.find(transitionId).orElseThrow(() -> missing(transitionId));
    int received = tellLifecycle(VendorLifecycleProcess.MSG_TRANSITION_APPROVED, t.vendorId());
    auditLog.record(
        "system",
        "TRANSITION_ANNOUNCED",
        "transition",
        transitionId,
        received + " lifecycle instance(s) entered the transition phase");
    return received;
  }

  /** Names the successor once a new evaluation found it; 422 (the RM's task stays open). */
  @Transactional
  public void nameSuccessor(String transitionId, String successorCode, String by) {
    TransitionRow t = store.lock(transitionId).orElseThrow(() -> missing(transitionId));
    String field = TransitionProcess.SUCCESSOR_VENDOR_CODE.name();
    String code = successorCode == null ? "" : successorCode.strip();
    Optional<VendorView> successor = code.isEmpty() ? Optional.empty() : vendors.findByCode(code);
    Optional<String> problem =
        code.isEmpty()
            ? Optional.of("the successor's vendor code is required")
            : successor.isEmpty()
                ? Optional.of("no vendor has code '" + code + "'")
                : successorProblem(
                    t.vendorId(),
                    vendors.findForSystem(successor.get().id()).orElse(null),
                    successor.get().id());
    if (problem.isPresent()) {
      throw InvalidDataException.of(field, problem.get());
    }
    store.successorNamed(transitionId, successor.get().id());
    auditLog.record(who(by), "TRANSITION_SUCCESSOR_NAMED", "transition", transitionId, code);
  }

  // --- parallel run and cut-over

  /**
   * Starts the parallel run today (UTC) for the proposal's number of days; returns when it ends
   * (00:00 UTC after its last day). Repeated, returns the end already set.
   */
  @Transactional
  public Instant startParallelRun(String transitionId) {
    TransitionRow t = store.lock(transitionId).orElseThrow(() -> missing(transitionId));
    if (t.runStart() != null) {
      return startOf(t.runEnd());
    }
    LocalDate start = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate end = start.plusDays(t.parallelRunDays());
    store.runScheduled(transitionId, start, end);
    auditLog.record(
        "system",
        "TRANSITION_PARALLEL_RUN_STARTED",
        "transition",
        transitionId,
        start + " to " + end.minusDays(1));
    return startOf(end);
  }

  /**
   * Scores both vendors over the run's days with the outgoing vendor's definition, stores the
   * comparison and returns it as text for the executives.
   */
  @Transactional
  public String compare(String transitionId) {
    TransitionRow t = store.lock(transitionId).orElseThrow(() -> missing(transitionId));
    ScorecardDefinition definition = scorecards.currentDefinition(t.vendorId());
    LocalDate from = t.runStart();
    LocalDate to = t.runEnd();
    BalancedScore outgoing = scorecards.scoreOverDays(t.vendorId(), from, to, definition).score();
    BalancedScore successor =
        scorecards.scoreOverDays(t.successorVendorId(), from, to, definition).score();
    String text = comparison(t, definition, outgoing, successor);
    store.compared(transitionId, outgoing.total(), successor.total(), text, now());
    auditLog.record(
        "system",
        "TRANSITION_COMPARED",
        "transition",
        transitionId,
        code(t.vendorId())
            + " "
            + text(outgoing.total())
            + "; "
            + code(t.successorVendorId())
            + " "
            + text(successor.total()));
    return text;
  }

  /**
   * Records the executive's cut-over decision with the comparison they saw. {@value
   * TransitionProcess#CUT_OVER}: returns empty; {@value TransitionProcess#NOT_YET}: extends the run
   * by {@code extensionDays} (422 without a valid number; the task stays open) and returns its new
   * end.
   */
  @Transactional
  public Optional<Instant> recordCutOverDecision(
      String transitionId,
      String decision,
      String reason,
      Number extensionDays,
      String by,
      String shown,
      String processInstanceId,
      String taskId) {
    TransitionRow t = store.lock(transitionId).orElseThrow(() -> missing(transitionId));
    boolean cutOver = TransitionProcess.CUT_OVER.equals(decision);
    if (!cutOver && !TransitionProcess.NOT_YET.equals(decision)) {
      throw new IllegalStateException(
          "Decision '" + decision + "' is neither CUT_OVER nor NOT_YET");
    }
    Integer extension = null;
    if (!cutOver) {
      double d = extensionDays == null ? -1 : extensionDays.doubleValue();
      if (d != Math.rint(d) || d < 1 || d > MAX_DAYS) {
        throw InvalidDataException.of(
            TransitionProcess.EXTENSION_DAYS.name(),
            "required when the cut-over is not yet approved: a whole number of days from 1 to "
                + MAX_DAYS);
      }
      extension = (int) d;
    }
    Instant at = now();
    String who = who(by);
    decisions.record(
        new DecisionLog.Decision(
            t.vendorId(),
            DecisionLog.Kind.TRANSITION_CUT_OVER,
            cutOver ? "CUT_OVER" : "NOT_YET",
            who,
            at,
            cutOver ? reason : reason + " (parallel run extended by " + extension + " days)",
            shown,
            processInstanceId,
            taskId,
            transitionId));
    if (cutOver) {
      store.cutOverApproved(transitionId, who, at);
      auditLog.record(who, "TRANSITION_CUT_OVER_APPROVED", "transition", transitionId, reason);
      return Optional.empty();
    }
    LocalDate end = t.runEnd().plusDays(extension);
    store.runScheduled(transitionId, t.runStart(), end);
    auditLog.record(
        who,
        "TRANSITION_PARALLEL_RUN_EXTENDED",
        "transition",
        transitionId,
        "to " + end.minusDays(1) + ": " + reason);
    return Optional.of(startOf(end));
  }

  /**
   * The cut-over: the outgoing vendor's lifecycle ends its operating phase (it becomes OFFBOARDED),
   * and its BPO lead accounts are recorded for revocation. Repeated, does nothing.
   */
  @Transactional
  public void cutOver(String transitionId) {
    TransitionRow t = store.lock(transitionId).orElseThrow(() -> missing(transitionId));
    if (t.status() == TransitionStatus.COMPLETED) {
      return;
    }
    int received = tellLifecycle(VendorLifecycleProcess.MSG_OFFBOARDED, t.vendorId());
    List<String> leads = leadAccounts(t.vendorId());
    String accounts = String.join(",", leads);
    store.completed(transitionId, accounts);
    auditLog.record(
        "system",
        "TRANSITION_CUT_OVER",
        "transition",
        transitionId,
        received + " lifecycle instance(s) told to offboard " + code(t.vendorId()));
    // the offboarded vendor's BPO leads lose every role at the cut-over
    for (String lead : leads) {
      userAccounts.revokeAccess(lead, "system", "vendor " + code(t.vendorId()) + " offboarded");
    }
  }

  // --- API reads

  /** The vendor's transitions, newest first. Brand staff only: 404 for a BPO lead. */
  @Transactional(readOnly = true)
  public List<TransitionView> ofVendor(String vendorId, StewardPrincipal caller) {
    if (caller.isVendorScoped()) {
      throw new NotFoundException("Vendor", vendorId);
    }
    vendors.find(vendorId, caller);
    return store.ofVendor(vendorId).stream().map(this::view).toList();
  }

  /** One transition. Brand staff only: 404 for a BPO lead (of either vendor) and for none. */
  @Transactional(readOnly = true)
  public TransitionView get(String transitionId, StewardPrincipal caller) {
    if (caller.isVendorScoped()) {
      throw new NotFoundException("Transition", transitionId);
    }
    return store
        .find(transitionId)
        .map(this::view)
        .orElseThrow(() -> new NotFoundException("Transition", transitionId));
  }

  // --- helpers

  private Optional<String> successorProblem(String outgoingId, Vendor successor, String id) {
    if (successor == null) {
      return Optional.of("no vendor has id '" + id + "'");
    }
    if (successor.getId().equals(outgoingId)) {
      return Optional.of("the outgoing vendor cannot succeed itself");
    }
    if (successor.getLifecyclePhase().isFinal()) {
      return Optional.of(
          successor.getCode()
              + " is "
              + successor.getLifecyclePhase()
              + "; a successor must still be active");
    }
    return Optional.empty();
  }

  private int tellLifecycle(String message, String vendorId) {
    return lifecycles.tell(message, vendorId, Map.of());
  }

  /** The BPO lead accounts bound to the vendor (user info {@code steward.vendorId}). */
  private List<String> leadAccounts(String vendorId) {
    List<String> leads = new ArrayList<>();
    for (User user :
        identityService.createUserQuery().memberOfGroup(Role.BPO_LEAD.groupId()).list()) {
      if (vendorId.equals(
          identityService.getUserInfo(user.getId(), UserAccounts.VENDOR_ID_INFO_KEY))) {
        leads.add(user.getId());
      }
    }
    leads.sort(null);
    return leads;
  }

  String proposalText(TransitionRow t) {
    StringBuilder text =
        new StringBuilder("Transition of ")
            .append(code(t.vendorId()))
            .append(", proposed by ")
            .append(t.proposedBy())
            .append(" on ")
            .append(LocalDate.ofInstant(t.proposedAt(), ZoneOffset.UTC))
            .append(t.reviewId() == null ? "" : " after quarterly review " + t.reviewId())
            .append(".\n\nReason: ")
            .append(t.reason())
            .append("\n\nSuccessor: ");
    if (t.successorVendorId() != null) {
      text.append(code(t.successorVendorId()));
    } else if (t.newEvaluation()) {
      text.append(
          "to be found by a new evaluation round (named by the RM before the parallel run)");
    } else {
      text.append("not named yet");
    }
    text.append("\n\nParallel run: ").append(t.parallelRunDays()).append(" days.");
    return text.toString();
  }

  private String comparison(
      TransitionRow t,
      ScorecardDefinition definition,
      BalancedScore outgoing,
      BalancedScore successor) {
    String old = code(t.vendorId());
    String next = code(t.successorVendorId());
    StringBuilder text =
        new StringBuilder("Parallel run ")
            .append(t.runStart())
            .append(" to ")
            .append(t.runEnd().minusDays(1))
            .append(": both vendors scored with ")
            .append(old)
            .append("'s scorecard definition.\n\n| KPI | target | zero | weight | ")
            .append(old)
            .append(" | ")
            .append(next)
            .append(" |\n|---|---|---|---|---|---|\n");
    for (Map.Entry<KpiKey, KpiTarget> kpi : definition.kpis().entrySet()) {
      KpiTarget target = kpi.getValue();
      BalancedScore.Line a = outgoing.lines().get(kpi.getKey());
      BalancedScore.Line b = successor.lines().get(kpi.getKey());
      text.append("| ")
          .append(kpi.getKey().key())
          .append(" | ")
          .append(text(target.target()))
          .append(" | ")
          .append(text(target.zero()))
          .append(" | ")
          .append(target.weight())
          .append(" | ")
          .append(text(a.value()))
          .append(" (score ")
          .append(text(a.score()))
          .append(") | ")
          .append(text(b.value()))
          .append(" (score ")
          .append(text(b.score()))
          .append(") |\n");
    }
    text.append("| **balanced score** | | | | **")
        .append(text(outgoing.total()))
        .append("** | **")
        .append(text(successor.total()))
        .append("** |\n");
    return text.toString();
  }

  private TransitionView view(TransitionRow t) {
    List<TransitionView.Approval> approvals = new ArrayList<>();
    if (t.firstApprovedBy() != null) {
      approvals.add(new TransitionView.Approval(1, t.firstApprovedBy(), t.firstApprovedAt()));
    }
    if (t.secondApprovedBy() != null) {
      approvals.add(new TransitionView.Approval(2, t.secondApprovedBy(), t.secondApprovedAt()));
    }
    return new TransitionView(
        t.id(),
        t.vendorId(),
        code(t.vendorId()),
        t.successorVendorId(),
        t.successorVendorId() == null ? null : code(t.successorVendorId()),
        t.newEvaluation(),
        t.reason(),
        t.source().name(),
        t.reviewId(),
        t.status(),
        t.proposedBy(),
        t.proposedAt(),
        t.parallelRunDays(),
        t.processInstanceId(),
        approvals,
        t.rejectedBy() == null
            ? null
            : new TransitionView.Rejection(t.rejectedBy(), t.rejectedAt(), t.rejectionReason()),
        t.runStart() == null
            ? null
            : new TransitionView.ParallelRun(
                t.runStart(),
                t.runEnd(),
                round(t.outgoingScore()),
                round(t.successorScore()),
                t.comparison(),
                t.comparedAt()),
        t.cutOverBy() == null
            ? null
            : new TransitionView.CutOver(t.cutOverBy(), t.cutOverAt(), t.leadAccounts()));
  }

  private String code(String vendorId) {
    return vendors.findForSystem(vendorId).map(Vendor::getCode).orElse(vendorId);
  }

  static BigDecimal round(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
  }

  private static String text(BigDecimal value) {
    return value == null ? "–" : round(value).toPlainString();
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String who(String by) {
    return by == null ? "system" : by;
  }

  private static IllegalStateException missing(String transitionId) {
    return new IllegalStateException("No transition " + transitionId);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
