package dev.steward.qa;

import dev.steward.platform.AuditLog;
import dev.steward.platform.ConflictException;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * QA cycles for the API: starting one, and reading cycles, results, audits, points and the
 * leaderboard, scoped by the caller (a BPO lead sees only their own vendor's; anything else is
 * 404); and the BPO lead's disputes.
 */
@Service
public class QaCycleService {

  private final QaStore store;
  private final QaCycleSteps steps;
  private final QaPoints points;
  private final VendorService vendors;
  private final RuntimeService runtimeService;
  private final AuditLog auditLog;
  private final Clock clock;

  QaCycleService(
      QaStore store,
      QaCycleSteps steps,
      QaPoints points,
      VendorService vendors,
      RuntimeService runtimeService,
      AuditLog auditLog,
      Clock clock) {
    this.store = store;
    this.steps = steps;
    this.points = points;
    this.vendors = vendors;
    this.runtimeService = runtimeService;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  /**
   * Opens a cycle, draws its sample and starts its process (which continues in a job: the audit
   * tasks appear once it has run), all in one transaction.
   */
  @Transactional
  public QaCycleView start(String vendorId, NewQaCycle request, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    QaCycleSteps.Parameters parameters =
        parameters(request == null ? NewQaCycle.defaults() : request);
    QaCycle cycle = steps.open(vendor.getId(), parameters, caller.username());
    steps.drawSample(cycle.id(), vendor.getId(), null);
    VariableMap variables = Variables.createVariables();
    QaCycleProcess.CYCLE_ID.on(variables, cycle.id());
    QaCycleProcess.VENDOR_ID.on(variables, vendor.getId());
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(QaCycleProcess.PROCESS_KEY, cycle.id(), variables);
    store.attachProcess(cycle.id(), instance.getId());
    return QaCycleView.of(store.cycle(cycle.id()).orElseThrow(), clock.instant());
  }

  private QaCycleSteps.Parameters parameters(NewQaCycle request) {
    QaCycleSteps.Parameters defaults = QaCycleSteps.Parameters.defaults(clock.instant());
    List<FieldError> errors = new ArrayList<>();
    YearMonth period = defaults.period();
    if (request.period() != null) {
      period = YearMonth.parse(request.period());
      YearMonth now = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
      if (period.isAfter(now)) {
        errors.add(FieldError.field("period", "must not be later than the current month " + now));
      }
    }
    Confidence confidence = defaults.confidence();
    if (request.confidence() != null) {
      confidence = Confidence.ofPercent(request.confidence()).orElse(null);
      if (confidence == null) {
        errors.add(FieldError.field("confidence", "must be 90, 95 or 99"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The QA cycle has invalid data", errors);
    }
    return new QaCycleSteps.Parameters(
        period,
        confidence,
        request.margin() == null ? defaults.margin() : request.margin().doubleValue(),
        request.minPerAgent() == null ? defaults.minPerAgent() : request.minPerAgent(),
        request.seed() == null ? defaults.seed() : request.seed());
  }

  @Transactional(readOnly = true)
  public List<QaCycleView> list(String vendorId, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    Instant now = clock.instant();
    return store.cycles(vendor.getId()).stream().map(c -> QaCycleView.of(c, now)).toList();
  }

  /**
   * The vendor-level results of the vendor's cycles whose month lies in {@code [first, last]},
   * oldest first; not scoped (for the system, e.g. the quarterly review's facts).
   */
  @Transactional(readOnly = true)
  public List<QaCycleResult> resultsForMonths(String vendorId, YearMonth first, YearMonth last) {
    List<QaCycleResult> results = new ArrayList<>();
    List<QaCycle> cycles = new ArrayList<>(store.cycles(vendorId));
    java.util.Collections.reverse(cycles);
    for (QaCycle cycle : cycles) {
      YearMonth month = YearMonth.parse(cycle.period());
      if (month.isBefore(first) || month.isAfter(last)) {
        continue;
      }
      CycleResults.Summary s =
          CycleResults.summarize(QaCycleSteps.outcomes(store.audits(cycle.id())));
      results.add(
          new QaCycleResult(
              cycle.id(),
              cycle.period(),
              cycle.status().name(),
              s.audits(),
              s.scored(),
              s.passed(),
              s.qaScore(),
              s.passRate()));
    }
    return results;
  }

  /**
   * Each vendor's latest QA cycle with scored audits (or its latest cycle when none has any), with
   * the pass rate's 95 % Wilson interval, from one aggregate query. Not scoped: for brand-wide
   * pages such as the executive dashboard.
   */
  @Transactional(readOnly = true)
  public Map<String, VendorQaResult> latestResultsOfAll() {
    Map<String, VendorQaResult> latest = new HashMap<>();
    for (VendorQaResult r : store.resultsOfAll()) {
      VendorQaResult seen = latest.get(r.vendorId());
      if (seen == null || (seen.result().scored() == 0 && r.result().scored() > 0)) {
        latest.put(r.vendorId(), r);
      }
    }
    return latest;
  }

  /** The cycle's results per agent, ordered by agent id; not scoped (brand-wide pages). */
  @Transactional(readOnly = true)
  public List<QaAgentResult> agentResults(String cycleId) {
    return CycleResults.perAgent(QaCycleSteps.outcomes(store.audits(cycleId))).entrySet().stream()
        .map(
            e ->
                new QaAgentResult(
                    e.getKey(),
                    e.getValue().audits(),
                    e.getValue().scored(),
                    e.getValue().passed(),
                    e.getValue().qaScore(),
                    e.getValue().passRate(),
                    e.getValue().interval()))
        .toList();
  }

  @Transactional(readOnly = true)
  QaCycleDetail get(String cycleId, StewardPrincipal caller) {
    QaCycle cycle = visibleCycle(cycleId, caller);
    QaScorecard scorecard = store.scorecard(cycle);
    return new QaCycleDetail(
        QaCycleView.of(cycle, clock.instant()),
        scorecard.categories().stream().map(QaCycleDetail.Category::of).toList(),
        QaResultsView.of(QaCycleSteps.outcomes(store.audits(cycleId)), cycle.passMark()),
        store.coachingOf(cycleId).stream().map(QaCycleDetail.Coaching::of).toList(),
        store.flaggedAgents(cycleId));
  }

  @Transactional(readOnly = true)
  List<QaAuditView> audits(String cycleId, StewardPrincipal caller) {
    visibleCycle(cycleId, caller);
    return store.audits(cycleId).stream().map(QaAuditView::of).toList();
  }

  @Transactional(readOnly = true)
  QaAuditDetail audit(String auditId, StewardPrincipal caller) {
    QaAudit audit = visibleAudit(auditId, caller);
    QaScorecard scorecard = store.scorecard(store.cycle(audit.cycleId()).orElseThrow());
    List<AuditRevision> revisions = store.revisions(auditId);
    List<QaAuditDetail.Revision> history =
        revisions.stream()
            .map(
                r ->
                    new QaAuditDetail.Revision(
                        r.revision(),
                        r.reason(),
                        r.disputeId(),
                        Rounded.answer(r.score()),
                        r.passed(),
                        r.autoFailed(),
                        r.feedback(),
                        r.recordedBy(),
                        r.recordedAt(),
                        ratings(r, scorecard)))
            .toList();
    List<QaAuditDetail.Rating> current =
        history.isEmpty() ? List.of() : history.get(history.size() - 1).ratings();
    return new QaAuditDetail(
        QaAuditView.of(audit),
        current,
        history,
        store.disputesOf(auditId).stream().map(QaDisputeView::of).toList());
  }

  private static List<QaAuditDetail.Rating> ratings(AuditRevision r, QaScorecard scorecard) {
    Map<String, AuditRevision.Rating> byCategory = new HashMap<>();
    r.ratings().forEach(rating -> byCategory.put(rating.category(), rating));
    List<QaAuditDetail.Rating> ratings = new ArrayList<>();
    for (QaCategory c : scorecard.categories()) {
      AuditRevision.Rating rating = byCategory.get(c.key());
      if (rating != null) {
        ratings.add(
            new QaAuditDetail.Rating(
                c.key(),
                c.name(),
                rating.rating(),
                rating.rating() == null,
                Rounded.answer(rating.categoryScore())));
      }
    }
    return ratings;
  }

  /**
   * A BPO lead disputes an audit of their vendor while the cycle's dispute window is open: the
   * dispute is stored and correlated into the cycle's process, where the relationship manager
   * arbitrates it.
   *
   * @throws ConflictException outside the window, or while the audit has an open dispute
   */
  @Transactional
  QaDisputeView dispute(String auditId, NewQaDispute request, StewardPrincipal caller) {
    QaAudit visible = visibleAudit(auditId, caller);
    // serialises disputes of one audit: the second waits here and then sees the first
    QaAudit audit = store.lockAudit(visible.id()).orElseThrow();
    QaCycle cycle = store.cycle(audit.cycleId()).orElseThrow();
    Instant now = clock.instant();
    if (!cycle.disputeWindowOpenAt(now)) {
      throw new ConflictException(
          cycle.resultsPublishedAt() == null
              ? "The results of QA cycle " + cycle.period() + " are not published yet"
              : "The dispute window of QA cycle "
                  + cycle.period()
                  + " closed at "
                  + (cycle.disputeWindowClosedAt() != null
                      ? cycle.disputeWindowClosedAt()
                      : cycle.disputeWindowEndsAt()));
    }
    if (store.hasOpenDispute(audit.id())) {
      throw new ConflictException("Audit '" + audit.id() + "' already has an open dispute");
    }
    QaDispute dispute =
        new QaDispute(
            UUID.randomUUID().toString(),
            audit.id(),
            cycle.id(),
            audit.vendorId(),
            request.reason().strip(),
            QaDispute.Status.OPEN,
            caller.username(),
            now,
            null,
            null,
            null);
    store.insertDispute(dispute);
    QaCycleSteps.DisputeForm form = steps.disputeForm(dispute);
    Map<String, Object> scope = new HashMap<>();
    scope.put(QaCycleProcess.DISPUTE_ID.name(), dispute.id());
    scope.put(QaCycleProcess.AUDIT_ID.name(), audit.id());
    scope.put(QaCycleProcess.DISPUTE_BRIEF.name(), form.brief());
    scope.put(QaCycleProcess.RATINGS.name(), QaCycleProcess.RATINGS.engineValue(form.ratings()));
    // the arbitration's form fields and its completer live in the dispute's own scope, so parallel
    // disputes never share a variable
    scope.put(QaCycleProcess.DECISION.name(), null);
    scope.put(QaCycleProcess.NOTE.name(), null);
    scope.put(QaCycleProcess.COMPLETED_BY.name(), null);
    try {
      runtimeService
          .createMessageCorrelation(QaCycleProcess.MSG_AUDIT_DISPUTED)
          .processInstanceId(cycle.processInstanceId())
          .setVariablesToTriggeredScope(scope)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      // the window's timer fired a moment ago
      throw new ConflictException(
          "The dispute window of QA cycle " + cycle.period() + " is closed");
    }
    auditLog.record(
        caller.username(), "QA_AUDIT_DISPUTED", "qa_audit", audit.id(), dispute.reason());
    return QaDisputeView.of(dispute);
  }

  @Transactional(readOnly = true)
  List<QaLeaderboardEntry> leaderboard(String vendorId, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    List<QaPoints.Standing> standings = points.leaderboard(vendor.getId());
    List<QaLeaderboardEntry> board = new ArrayList<>();
    for (int i = 0; i < standings.size(); i++) {
      QaPoints.Standing s = standings.get(i);
      int rank =
          i > 0 && standings.get(i - 1).points() == s.points() ? board.get(i - 1).rank() : i + 1;
      board.add(new QaLeaderboardEntry(rank, s.agentId(), s.points()));
    }
    return board;
  }

  @Transactional(readOnly = true)
  QaPointsView points(String vendorId, String agentId, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    List<QaPoints.Entry> ledger = points.ledger(vendor.getId(), agentId);
    return new QaPointsView(
        vendor.getId(),
        agentId,
        ledger.stream().mapToLong(QaPoints.Entry::points).sum(),
        ledger.stream()
            .map(
                e ->
                    new QaPointsView.Entry(
                        e.auditId(), e.cycleId(), e.reason(), e.points(), e.awardedAt()))
            .toList());
  }

  /** How many of the latest cycles the portal looks through for each agent's latest results. */
  private static final int OVERVIEW_CYCLES = 6;

  /**
   * The vendor's QA at a glance (the vendor portal): each agent's latest results, the latest cycle,
   * the leaderboard and the latest points awarded; 404 for a vendor the caller may not see.
   */
  @Transactional(readOnly = true)
  public QaVendorOverview overview(String vendorId, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    Instant now = clock.instant();
    List<QaCycle> cycles = store.cycles(vendor.getId());
    QaVendorOverview.Cycle latest = null;
    Map<String, QaVendorOverview.AgentResult> agents = new java.util.TreeMap<>();
    for (int i = 0; i < Math.min(cycles.size(), OVERVIEW_CYCLES); i++) {
      QaCycle cycle = cycles.get(i);
      List<CycleResults.Outcome> outcomes = QaCycleSteps.outcomes(store.audits(cycle.id()));
      if (i == 0) {
        latest =
            new QaVendorOverview.Cycle(
                cycle.id(),
                cycle.period(),
                cycle.status().name(),
                Rounded.answer(cycle.passMark()),
                cycle.resultsPublishedAt(),
                cycle.disputeWindowEndsAt(),
                cycle.disputeWindowOpenAt(now),
                QaVendorOverview.Results.of(CycleResults.summarize(outcomes)));
      }
      CycleResults.perAgent(outcomes)
          .forEach(
              (agentId, summary) ->
                  agents.putIfAbsent(
                      agentId,
                      new QaVendorOverview.AgentResult(
                          agentId,
                          cycle.id(),
                          cycle.period(),
                          summary.below(cycle.passMark()),
                          QaVendorOverview.Results.of(summary))));
    }
    List<QaVendorOverview.Standing> board =
        leaderboard(vendor.getId(), caller).stream()
            .map(e -> new QaVendorOverview.Standing(e.rank(), e.agentId(), e.points()))
            .toList();
    List<QaVendorOverview.Award> awards =
        points.recent(vendor.getId(), 10).stream()
            .map(
                e ->
                    new QaVendorOverview.Award(
                        e.agentId(), e.points(), e.reason(), e.cycleId(), e.awardedAt()))
            .toList();
    return new QaVendorOverview(
        vendor.getId(), latest, List.copyOf(agents.values()), board, awards);
  }

  private QaCycle visibleCycle(String cycleId, StewardPrincipal caller) {
    return store
        .cycle(cycleId)
        .filter(c -> caller.canSeeVendor(c.vendorId()))
        .orElseThrow(() -> new NotFoundException("QA cycle", cycleId));
  }

  private QaAudit visibleAudit(String auditId, StewardPrincipal caller) {
    return store
        .audit(auditId)
        .filter(a -> caller.canSeeVendor(a.vendorId()))
        .orElseThrow(() -> new NotFoundException("QA audit", auditId));
  }
}
