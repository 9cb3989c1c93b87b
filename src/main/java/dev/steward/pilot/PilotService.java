package dev.steward.pilot;

import dev.steward.kpi.BalancedScore;
import dev.steward.kpi.KpiKey;
import dev.steward.kpi.KpiTarget;
import dev.steward.kpi.ScorecardDefinition;
import dev.steward.kpi.ScorecardService;
import dev.steward.pilot.PilotStore.PilotRow;
import dev.steward.pilot.PilotStore.ScorecardRow;
import dev.steward.pilot.PilotStore.Subject;
import dev.steward.platform.AuditLog;
import dev.steward.platform.DecisionLog;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.LifecyclePhase;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pilots: the steps {@code VendorPilot} takes (open, plan, score, decide), each safe to repeat on a
 * retried job, and the scoped reads of the API.
 */
@Service
public class PilotService {

  /** The phases of a vendor that serves live volume and so can be a challenger's incumbent. */
  static final Set<LifecyclePhase> INCUMBENT_PHASES =
      Set.of(LifecyclePhase.OPERATING, LifecyclePhase.TRANSITION);

  private static final LocalDate EARLIEST_START = LocalDate.of(2000, 1, 1);
  private static final LocalDate LATEST_START = LocalDate.of(2100, 1, 1);

  private final PilotStore store;
  private final VendorService vendors;
  private final ScorecardService scorecards;
  private final AuditLog auditLog;
  private final Clock clock;
  private final DecisionLog decisionLog;
  private final HistoryService historyService;

  PilotService(
      PilotStore store,
      VendorService vendors,
      ScorecardService scorecards,
      AuditLog auditLog,
      Clock clock,
      DecisionLog decisionLog,
      HistoryService historyService) {
    this.store = store;
    this.vendors = vendors;
    this.scorecards = scorecards;
    this.auditLog = auditLog;
    this.clock = clock;
    this.decisionLog = decisionLog;
    this.historyService = historyService;
  }

  /** What the plan task needs once the pilot is opened. */
  public record Opened(String pilotId, String relationshipManager, String kpiTargets) {}

  /** Opens the pilot of a process instance (the same pilot when a step is repeated). */
  @Transactional
  public Opened open(String vendorId, String processInstanceId) {
    Vendor vendor =
        vendors
            .findForSystem(vendorId)
            .orElseThrow(() -> new IllegalStateException("No vendor " + vendorId));
    Optional<PilotRow> existing = store.byProcessInstance(processInstanceId);
    String pilotId;
    if (existing.isPresent()) {
      pilotId = existing.get().id();
    } else {
      pilotId = UUID.randomUUID().toString();
      store.insert(pilotId, vendorId, processInstanceId, now());
      auditLog.record("system", "PILOT_OPENED", "pilot", pilotId, "vendor " + vendor.getCode());
    }
    return new Opened(
        pilotId,
        vendor.getRelationshipManager(),
        kpiTargets(scorecards.currentDefinition(vendorId)));
  }

  /** The RM's plan as the form submitted it. */
  public record PlanInput(
      String scope,
      Number liveVolumeSharePercent,
      String startDate,
      Number durationDays,
      String incumbentVendorCode) {}

  /**
   * Checks and stores the RM's plan and returns when the pilot ends (start date + duration, 00:00
   * UTC). 422 naming every problem: the RM's task then stays open.
   */
  @Transactional
  public Instant plan(String pilotId, PlanInput plan, String by) {
    PilotRow pilot = store.lock(pilotId).orElseThrow(() -> missing(pilotId));
    if (pilot.status() != PilotStatus.PLANNING && pilot.status() != PilotStatus.RUNNING) {
      throw new IllegalStateException("Pilot " + pilotId + " is " + pilot.status());
    }
    List<FieldError> errors = new ArrayList<>();
    String scope = plan.scope() == null ? "" : plan.scope().strip();
    if (scope.isEmpty() || scope.length() > 4000) {
      errors.add(FieldError.field(PilotProcess.SCOPE.name(), "1-4000 characters"));
    }
    Integer share = wholeNumber(plan.liveVolumeSharePercent(), 1, 100);
    if (share == null) {
      errors.add(
          FieldError.field(
              PilotProcess.LIVE_VOLUME_SHARE_PERCENT.name(), "a whole number from 1 to 100"));
    }
    LocalDate start = date(plan.startDate());
    if (start == null) {
      errors.add(
          FieldError.field(
              PilotProcess.START_DATE.name(),
              "an ISO date such as 2026-03-02, between 2000 and 2099"));
    }
    Integer duration = wholeNumber(plan.durationDays(), 1, 366);
    if (duration == null) {
      errors.add(
          FieldError.field(PilotProcess.DURATION_DAYS.name(), "a whole number from 1 to 366"));
    }
    String incumbentId = null;
    String incumbentCode =
        plan.incumbentVendorCode() == null || plan.incumbentVendorCode().isBlank()
            ? null
            : plan.incumbentVendorCode().strip();
    if (incumbentCode != null) {
      Optional<VendorView> incumbent = vendors.findByCode(incumbentCode);
      String field = PilotProcess.INCUMBENT_VENDOR_CODE.name();
      if (incumbent.isEmpty()) {
        errors.add(FieldError.field(field, "no vendor has code '" + incumbentCode + "'"));
      } else if (incumbent.get().id().equals(pilot.vendorId())) {
        errors.add(FieldError.field(field, "the piloted vendor cannot be its own incumbent"));
      } else if (!INCUMBENT_PHASES.contains(incumbent.get().lifecyclePhase())) {
        errors.add(
            FieldError.field(
                field,
                incumbentCode
                    + " is in phase "
                    + incumbent.get().lifecyclePhase()
                    + "; an incumbent serves live volume (OPERATING or TRANSITION)"));
      } else {
        incumbentId = incumbent.get().id();
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The pilot plan has invalid data", errors);
    }
    String who = by == null ? "system" : by;
    store.planned(pilotId, scope, share, start, duration, incumbentId, who, now());
    auditLog.record(
        who,
        "PILOT_PLANNED",
        "pilot",
        pilotId,
        start
            + " for "
            + duration
            + " days at "
            + share
            + " % of live volume"
            + (incumbentCode == null ? "" : "; challenger to " + incumbentCode));
    return start.plusDays(duration).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /**
   * Computes the pilot's scorecard over its window from the daily rollups with the vendor's current
   * definition, and in a challenger pilot the incumbent's with the same definition; stores the
   * totals and returns the comparison for the executive. Once scored, returns what was stored: a
   * retried job computes nothing twice.
   */
  @Transactional
  public String score(String pilotId) {
    PilotRow pilot = store.lock(pilotId).orElseThrow(() -> missing(pilotId));
    if (pilot.status() == PilotStatus.SCORED || pilot.status() == PilotStatus.DECIDED) {
      return pilot.comparison();
    }
    if (pilot.status() != PilotStatus.RUNNING) {
      throw new IllegalStateException("Pilot " + pilotId + " is " + pilot.status());
    }
    LocalDate from = pilot.startDate();
    LocalDate to = from.plusDays(pilot.durationDays());
    ScorecardDefinition definition = scorecards.currentDefinition(pilot.vendorId());
    List<ScorecardRow> rows = new ArrayList<>();
    rows.add(
        new ScorecardRow(
            Subject.PILOT,
            pilot.vendorId(),
            from,
            to,
            scorecards.scoreOverDays(pilot.vendorId(), from, to, definition).totals()));
    if (pilot.incumbentVendorId() != null) {
      rows.add(
          new ScorecardRow(
              Subject.INCUMBENT,
              pilot.incumbentVendorId(),
              from,
              to,
              scorecards.scoreOverDays(pilot.incumbentVendorId(), from, to, definition).totals()));
    }
    String comparison = comparison(pilot, definition, rows);
    store.scored(pilotId, definition, rows, comparison, now());
    auditLog.record(
        "system",
        "PILOT_SCORED",
        "pilot",
        pilotId,
        rows.stream()
            .map(
                r ->
                    r.subject()
                        + " "
                        + code(r.vendorId())
                        + " "
                        + text(BalancedScore.of(r.totals(), definition).total()))
            .reduce((a, b) -> a + "; " + b)
            .orElse(""));
    return comparison;
  }

  /**
   * Records the executive's go/no-go with their reason and what they saw; returns the outcome. Once
   * decided, returns the recorded outcome unchanged.
   */
  @Transactional
  public String decide(String pilotId, String decision, String reason, String by, String shown) {
    PilotRow pilot = store.lock(pilotId).orElseThrow(() -> missing(pilotId));
    if (pilot.status() == PilotStatus.DECIDED) {
      return pilot.decision();
    }
    if (!PilotProcess.GO.equals(decision) && !PilotProcess.NO_GO.equals(decision)) {
      throw new IllegalStateException("Decision '" + decision + "' is neither GO nor NO_GO");
    }
    String who = by == null ? "system" : by;
    Instant decidedAt = now();
    store.decided(pilotId, decision, reason, who, decidedAt, shown);
    auditLog.record(who, "PILOT_" + decision, "pilot", pilotId, reason);
    decisionLog.record(
        new DecisionLog.Decision(
            pilot.vendorId(),
            DecisionLog.Kind.PILOT_GO_NO_GO,
            decision,
            who,
            decidedAt,
            reason,
            shown,
            pilot.processInstanceId(),
            decisionTaskId(pilot.processInstanceId()),
            pilotId));
    return decision;
  }

  /**
   * The go/no-go task just completed (this step runs in its transaction, so the task's history row
   * exists but is not yet marked finished), if any.
   */
  private String decisionTaskId(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    return historyService
        .createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(PilotProcess.Elements.DECIDE_GO_NO_GO)
        .orderByHistoricActivityInstanceStartTime()
        .desc()
        .list()
        .stream()
        .findFirst()
        .map(HistoricTaskInstance::getId)
        .orElse(null);
  }

  // --- API

  /** The vendor's pilots, newest first; 404 for a vendor the caller may not see. */
  @Transactional(readOnly = true)
  public List<PilotView> ofVendor(String vendorId, StewardPrincipal caller) {
    vendors.find(vendorId, caller);
    return store.ofVendor(vendorId).stream().map(p -> view(p, caller)).toList();
  }

  /** One pilot; 404 if it does not exist or is not the caller's vendor's. */
  @Transactional(readOnly = true)
  public PilotView get(String pilotId, StewardPrincipal caller) {
    PilotRow pilot =
        store
            .find(pilotId)
            .filter(p -> caller.canSeeVendor(p.vendorId()))
            .orElseThrow(() -> new NotFoundException("Pilot", pilotId));
    return view(pilot, caller);
  }

  private PilotView view(PilotRow p, StewardPrincipal caller) {
    // a BPO lead sees their own pilot, never the incumbent (a competitor) or its numbers
    boolean seesIncumbent = !caller.isVendorScoped();
    PilotView.Plan plan =
        p.startDate() == null
            ? null
            : new PilotView.Plan(
                p.scope(),
                p.liveVolumeSharePercent(),
                p.startDate(),
                p.durationDays(),
                p.startDate().plusDays(p.durationDays()),
                p.incumbentVendorId() != null,
                seesIncumbent ? p.incumbentVendorId() : null,
                seesIncumbent && p.incumbentVendorId() != null ? code(p.incumbentVendorId()) : null,
                p.plannedBy(),
                p.plannedAt());
    PilotView.Scorecard scorecard = null;
    PilotView.Scorecard incumbent = null;
    Optional<ScorecardDefinition> definition = store.definition(p.id());
    if (definition.isPresent()) {
      for (ScorecardRow row : store.scorecards(p.id())) {
        PilotView.Scorecard card = scorecard(row, definition.get());
        if (row.subject() == Subject.PILOT) {
          scorecard = card;
        } else if (seesIncumbent) {
          incumbent = card;
        }
      }
    }
    PilotView.Decision decision =
        p.decision() == null
            ? null
            : new PilotView.Decision(
                p.decision(),
                p.decisionReason(),
                p.decidedBy(),
                p.decidedAt(),
                seesIncumbent ? p.comparisonShown() : null);
    return new PilotView(
        p.id(),
        p.vendorId(),
        code(p.vendorId()),
        p.status(),
        p.createdAt(),
        p.processInstanceId(),
        plan,
        scorecard,
        incumbent,
        decision);
  }

  private PilotView.Scorecard scorecard(ScorecardRow row, ScorecardDefinition definition) {
    BalancedScore score = BalancedScore.of(row.totals(), definition);
    Map<String, PilotView.KpiLine> kpis = new LinkedHashMap<>();
    score
        .lines()
        .forEach(
            (key, line) ->
                kpis.put(
                    key.key(),
                    new PilotView.KpiLine(
                        round(line.value()),
                        round(line.target()),
                        round(line.zero()),
                        line.weight(),
                        round(line.score()))));
    return new PilotView.Scorecard(
        row.vendorId(),
        code(row.vendorId()),
        row.from(),
        row.toExclusive(),
        row.totals().contacts(),
        kpis,
        round(score.total()));
  }

  /** The scorecard(s) as a Markdown table, for the executive's form. */
  private String comparison(
      PilotRow pilot, ScorecardDefinition definition, List<ScorecardRow> rows) {
    String vendor = code(pilot.vendorId());
    List<BalancedScore> scores =
        rows.stream().map(r -> BalancedScore.of(r.totals(), definition)).toList();
    StringBuilder text =
        new StringBuilder("Pilot of ")
            .append(vendor)
            .append(", ")
            .append(pilot.startDate())
            .append(" to ")
            .append(pilot.startDate().plusDays(pilot.durationDays() - 1L))
            .append(" (")
            .append(pilot.durationDays())
            .append(" days, ")
            .append(pilot.liveVolumeSharePercent())
            .append(" % of live volume)");
    if (pilot.incumbentVendorId() != null) {
      text.append(": challenger to ")
          .append(code(pilot.incumbentVendorId()))
          .append(", both scored with ")
          .append(vendor)
          .append("'s scorecard definition");
    }
    text.append(".\n\n| KPI | target | zero | weight |");
    rows.forEach(r -> text.append(' ').append(code(r.vendorId())).append(" |"));
    text.append("\n|---|---|---|---|");
    rows.forEach(r -> text.append("---|"));
    text.append('\n');
    for (Map.Entry<KpiKey, KpiTarget> kpi : definition.kpis().entrySet()) {
      KpiTarget t = kpi.getValue();
      text.append("| ")
          .append(kpi.getKey().key())
          .append(" | ")
          .append(text(t.target()))
          .append(" | ")
          .append(text(t.zero()))
          .append(" | ")
          .append(t.weight())
          .append(" |");
      for (BalancedScore score : scores) {
        BalancedScore.Line line = score.lines().get(kpi.getKey());
        text.append(' ')
            .append(text(line.value()))
            .append(" (score ")
            .append(text(line.score()))
            .append(") |");
      }
      text.append('\n');
    }
    text.append("| **balanced score** | | | |");
    scores.forEach(s -> text.append(" **").append(text(s.total())).append("** |"));
    text.append("\n| contacts | | | |");
    rows.forEach(r -> text.append(' ').append(r.totals().contacts()).append(" |"));
    text.append('\n');
    return text.toString();
  }

  static String kpiTargets(ScorecardDefinition definition) {
    StringBuilder text = new StringBuilder("| KPI | target | zero | weight |\n|---|---|---|---|\n");
    definition
        .kpis()
        .forEach(
            (key, t) ->
                text.append("| ")
                    .append(key.key())
                    .append(" | ")
                    .append(t.target().stripTrailingZeros().toPlainString())
                    .append(" | ")
                    .append(t.zero().stripTrailingZeros().toPlainString())
                    .append(" | ")
                    .append(t.weight())
                    .append(" |\n"));
    return text.toString();
  }

  private String code(String vendorId) {
    return vendors.findForSystem(vendorId).map(Vendor::getCode).orElse(vendorId);
  }

  private static Integer wholeNumber(Number value, int min, int max) {
    if (value == null) {
      return null;
    }
    double d = value.doubleValue();
    if (d != Math.rint(d) || d < min || d > max) {
      return null;
    }
    return (int) d;
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text.strip());
      return date.isBefore(EARLIEST_START) || !date.isBefore(LATEST_START) ? null : date;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static BigDecimal round(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
  }

  private static String text(BigDecimal value) {
    return value == null ? "–" : round(value).toPlainString();
  }

  private static IllegalStateException missing(String pilotId) {
    return new IllegalStateException("No pilot " + pilotId);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
