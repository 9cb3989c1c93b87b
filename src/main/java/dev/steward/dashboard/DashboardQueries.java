package dev.steward.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.dashboard.DashboardModel.Approval;
import dev.steward.dashboard.DashboardModel.CreditMonth;
import dev.steward.dashboard.DashboardModel.Overview;
import dev.steward.dashboard.DashboardModel.PhaseCount;
import dev.steward.dashboard.DashboardModel.Qa;
import dev.steward.dashboard.DashboardModel.VendorPage;
import dev.steward.dashboard.DashboardModel.VendorRow;
import dev.steward.escalation.EscalationCounts;
import dev.steward.escalation.EscalationService;
import dev.steward.escalation.EscalationStatus;
import dev.steward.escalation.EscalationView;
import dev.steward.evaluation.EvaluationProcess;
import dev.steward.kpi.Period;
import dev.steward.kpi.ScorecardService;
import dev.steward.kpi.ScorecardView;
import dev.steward.pilot.PilotProcess;
import dev.steward.platform.DecisionLog;
import dev.steward.platform.StewardPrincipal;
import dev.steward.qa.QaAgentResult;
import dev.steward.qa.QaCycleService;
import dev.steward.qa.VendorQaResult;
import dev.steward.task.TaskSummary;
import dev.steward.task.WorkTasks;
import dev.steward.transition.TransitionProcess;
import dev.steward.vendor.LifecyclePhase;
import dev.steward.vendor.LifecycleView;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the dashboard from each slice's brand-wide read: one query per section for all vendors
 * (vendors, scorecards from the daily rollups, QA cycle aggregates, escalation counts), never one
 * per vendor, and never the raw interaction table.
 */
@Service
class DashboardQueries {

  /** The user tasks that are decisions an executive takes (approvals, selection, go/no-go). */
  static final Set<String> APPROVAL_TASKS =
      Set.of(
          TransitionProcess.Elements.FIRST_APPROVAL,
          TransitionProcess.Elements.SECOND_APPROVAL,
          TransitionProcess.Elements.APPROVE_CUT_OVER,
          PilotProcess.Elements.DECIDE_GO_NO_GO,
          EvaluationProcess.Elements.SELECT_FOR_PILOT);

  /** Full quarters in the trend before the current one. */
  static final int FULL_QUARTERS = 4;

  static final int MONTHS = 12;

  private final VendorService vendors;
  private final ScorecardService scorecards;
  private final QaCycleService qa;
  private final EscalationService escalations;
  private final WorkTasks tasks;
  private final DecisionLog decisions;
  private final ObjectMapper json;
  private final Clock clock;

  DashboardQueries(
      VendorService vendors,
      ScorecardService scorecards,
      QaCycleService qa,
      EscalationService escalations,
      WorkTasks tasks,
      DecisionLog decisions,
      ObjectMapper json,
      Clock clock) {
    this.vendors = vendors;
    this.scorecards = scorecards;
    this.qa = qa;
    this.escalations = escalations;
    this.tasks = tasks;
    this.decisions = decisions;
    this.json = json;
    this.clock = clock;
  }

  /** The last {@value #FULL_QUARTERS} full quarters and the current one, oldest first. */
  List<Period> quarters(Instant now) {
    Period current = Period.quarterOf(now);
    List<Period> periods = new ArrayList<>();
    for (int i = FULL_QUARTERS; i >= 1; i--) {
      YearMonth first = current.first().minusMonths(3L * i);
      periods.add(Period.quarter(first.getYear(), (first.getMonthValue() - 1) / 3 + 1));
    }
    periods.add(current);
    return periods;
  }

  @Transactional(readOnly = true)
  public Overview overview(StewardPrincipal user, Timings timings) {
    Instant now = clock.instant();
    List<Period> periods = quarters(now);
    Period scorePeriod = periods.get(FULL_QUARTERS - 1);
    List<VendorView> all =
        timings.time("vendors", () -> vendors.list(user)).stream()
            .sorted(
                Comparator.comparing((VendorView v) -> v.lifecyclePhase().ordinal())
                    .thenComparing(VendorView::code))
            .toList();
    List<VendorRow> rows = rows(all, periods, scorePeriod, timings);

    Map<LifecyclePhase, Long> byPhase = new EnumMap<>(LifecyclePhase.class);
    all.forEach(v -> byPhase.merge(v.lifecyclePhase(), 1L, Long::sum));
    List<PhaseCount> phases =
        byPhase.entrySet().stream().map(e -> new PhaseCount(e.getKey(), e.getValue())).toList();
    BigDecimal credits =
        rows.stream()
            .map(VendorRow::credits)
            .filter(c -> c != null)
            .reduce(BigDecimal.ZERO, BigDecimal::add);

    Map<String, VendorView> byId =
        all.stream().collect(Collectors.toMap(VendorView::id, Function.identity()));
    List<TaskSummary> open = timings.time("tasks", () -> tasks.list(user));
    List<Approval> approvals = approvals(open, byId);

    // the chart starts at the first quarter any vendor has a score in (at least two quarters)
    int from = periods.size() - 2;
    for (VendorRow r : rows) {
      for (int i = 0; i < from; i++) {
        if (r.scores().get(i) != null) {
          from = i;
          break;
        }
      }
    }
    int first = from;
    List<String> labels = labels(periods).subList(first, periods.size());
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("labels", labels);
    chart.put(
        "datasets",
        rows.stream()
            .filter(r -> r.scores().stream().anyMatch(s -> s != null))
            .map(r -> Map.of("label", r.code(), "data", r.scores().subList(first, periods.size())))
            .toList());
    return new Overview(
        scorePeriod.toString(),
        labels,
        first,
        scorePeriod.toString(),
        phases,
        rows.stream().mapToLong(r -> r.escalations().open()).sum(),
        rows.stream().mapToLong(r -> r.escalations().openBreached()).sum(),
        rows.stream().mapToLong(r -> r.escalations().breachedSince()).sum(),
        Numbers.money(credits),
        rows,
        approvals,
        open.size() - approvals.size(),
        write(chart),
        summary(rows, labels, first));
  }

  /**
   * The drill-down of one vendor; empty if there is no such vendor (or the user may not see it).
   */
  @Transactional(readOnly = true)
  public java.util.Optional<VendorPage> vendor(
      String vendorId, StewardPrincipal user, Timings timings) {
    java.util.Optional<VendorView> found =
        timings.time("vendors", () -> vendors.list(user)).stream()
            .filter(v -> v.id().equals(vendorId))
            .findFirst();
    if (found.isEmpty()) {
      return java.util.Optional.empty();
    }
    VendorView vendor = found.get();
    Instant now = clock.instant();
    List<Period> periods = quarters(now);
    Period scorePeriod = periods.get(FULL_QUARTERS - 1);
    VendorRow row = rows(List.of(vendor), periods, scorePeriod, timings).get(0);
    List<Period> months = new ArrayList<>();
    YearMonth thisMonth = YearMonth.from(now.atOffset(java.time.ZoneOffset.UTC));
    for (int i = MONTHS - 1; i >= 0; i--) {
      months.add(Period.month(thisMonth.minusMonths(i)));
    }
    List<Period> read = new ArrayList<>(months);
    read.add(scorePeriod);
    read.add(periods.get(FULL_QUARTERS));
    List<ScorecardView> all =
        timings
            .time("months", () -> scorecards.scorecardsOfAll(List.of(vendorId), read))
            .get(vendorId);
    List<ScorecardView> monthly = all.subList(0, months.size());
    ScorecardView last = all.get(months.size());
    ScorecardView current = all.get(months.size() + 1);
    List<BigDecimal> monthScores = monthly.stream().map(ScorecardView::total).toList();
    List<String> monthLabels = months.stream().map(Period::toString).toList();
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("labels", monthLabels);
    chart.put("datasets", List.of(Map.of("label", vendor.code(), "data", monthScores)));

    List<CreditMonth> creditMonths = new ArrayList<>();
    BigDecimal creditsTotal = BigDecimal.ZERO;
    for (ScorecardView view : List.of(last, current)) {
      for (ScorecardView.CreditMonth m : view.serviceCredits().months()) {
        if (YearMonth.parse(m.month()).isAfter(thisMonth)) {
          continue;
        }
        creditMonths.add(
            new CreditMonth(m.month(), m.interactions(), m.missed(), Numbers.money(m.credit())));
        creditsTotal = creditsTotal.add(m.credit() == null ? BigDecimal.ZERO : m.credit());
      }
    }

    List<QaAgentResult> agents =
        row.qa() == null || row.qa().scored() == 0
            ? List.of()
            : timings.time("agents", () -> qa.agentResults(row.qa().cycleId()));
    List<EscalationView> open =
        timings.time("escalationList", () -> escalations.list(user, vendorId, null)).stream()
            .filter(
                e ->
                    e.status() != EscalationStatus.RESOLVED
                        && e.status() != EscalationStatus.CLOSED)
            .toList();
    LifecycleView lifecycle = timings.time("lifecycle", () -> vendors.lifecycle(vendorId, user));
    List<DecisionLog.Decision> recent =
        new ArrayList<>(timings.time("decisions", () -> decisions.of(vendorId)));
    java.util.Collections.reverse(recent);
    List<Approval> approvals =
        approvals(timings.time("tasks", () -> tasks.list(user)), Map.of(vendorId, vendor)).stream()
            .filter(a -> vendorId.equals(a.vendorId()))
            .toList();
    return java.util.Optional.of(
        new VendorPage(
            row,
            scorePeriod.toString(),
            periods.get(FULL_QUARTERS).toString(),
            Kpis.of(current),
            current.interactions(),
            creditMonths,
            Numbers.money(creditsTotal),
            Numbers.money(last.serviceCredits().atRiskAmount()),
            monthLabels,
            monthScores,
            write(chart),
            vendor.code()
                + " balanced score by month, "
                + monthLabels.get(0)
                + " to "
                + monthLabels.get(monthLabels.size() - 1)
                + ": "
                + describe(monthLabels, monthScores),
            agents,
            open,
            lifecycle,
            recent.subList(0, Math.min(10, recent.size())),
            approvals));
  }

  private List<VendorRow> rows(
      List<VendorView> all, List<Period> periods, Period scorePeriod, Timings timings) {
    List<String> ids = all.stream().map(VendorView::id).toList();
    Map<String, List<ScorecardView>> cards =
        timings.time("scores", () -> scorecards.scorecardsOfAll(ids, periods));
    Map<String, VendorQaResult> qaResults = timings.time("qa", qa::latestResultsOfAll);
    Map<String, EscalationCounts> counts =
        timings.time("escalations", () -> escalations.countsByVendor(scorePeriod.start()));
    int scoreIndex = periods.indexOf(scorePeriod);
    List<VendorRow> rows = new ArrayList<>();
    for (VendorView v : all) {
      List<ScorecardView> views = cards.get(v.id());
      List<BigDecimal> scores = views.stream().map(ScorecardView::total).toList();
      ScorecardView scored = views.get(scoreIndex);
      BigDecimal score = scored.total();
      BigDecimal before = scoreIndex > 0 ? views.get(scoreIndex - 1).total() : null;
      rows.add(
          new VendorRow(
              v.id(),
              v.code(),
              v.name(),
              v.lifecyclePhase(),
              v.relationshipManager(),
              scores,
              score,
              score == null || before == null
                  ? null
                  : score.subtract(before).setScale(1, RoundingMode.HALF_UP),
              Kpis.of(scored),
              scored.interactions(),
              qa(qaResults.get(v.id())),
              counts.getOrDefault(v.id(), EscalationCounts.NONE),
              scored.serviceCredits().total()));
    }
    return rows;
  }

  private static Qa qa(VendorQaResult r) {
    if (r == null) {
      return null;
    }
    return new Qa(
        r.result().cycleId(),
        r.result().period(),
        r.result().status(),
        r.result().scored(),
        r.result().passed(),
        Numbers.oneDecimal(r.result().qaScore()),
        Numbers.percent(r.result().passRate()),
        r.passRateInterval() == null ? null : Numbers.percent(r.passRateInterval().lower()),
        r.passRateInterval() == null ? null : Numbers.percent(r.passRateInterval().upper()));
  }

  private static List<Approval> approvals(List<TaskSummary> open, Map<String, VendorView> byId) {
    return open.stream()
        .filter(t -> APPROVAL_TASKS.contains(t.taskKey()))
        .map(
            t -> {
              VendorView v = t.vendorId() == null ? null : byId.get(t.vendorId());
              return new Approval(
                  t.id(),
                  t.name(),
                  t.vendorId(),
                  v == null ? null : v.code(),
                  v == null ? null : v.name(),
                  t.created(),
                  "/camunda/app/tasklist/default/#/?task=" + t.id());
            })
        .toList();
  }

  private static List<String> labels(List<Period> periods) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      labels.add(periods.get(i) + (i == periods.size() - 1 ? " (to date)" : ""));
    }
    return labels;
  }

  private static String summary(List<VendorRow> rows, List<String> labels, int first) {
    String text =
        rows.stream()
            .filter(r -> r.scores().stream().anyMatch(s -> s != null))
            .map(
                r ->
                    r.code()
                        + ": "
                        + describe(labels, r.scores().subList(first, r.scores().size())))
            .collect(Collectors.joining("; "));
    return "Balanced score by quarter, "
        + labels.get(0)
        + " to "
        + labels.get(labels.size() - 1)
        + (text.isEmpty() ? ": no scores yet" : ". " + text);
  }

  private static String describe(List<String> labels, List<BigDecimal> scores) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      if (scores.get(i) != null) {
        parts.add(labels.get(i) + " " + Numbers.text(scores.get(i), ""));
      }
    }
    return parts.isEmpty() ? "no scores" : String.join(", ", parts);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
