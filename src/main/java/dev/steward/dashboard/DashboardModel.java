package dev.steward.dashboard;

import dev.steward.escalation.EscalationCounts;
import dev.steward.escalation.EscalationView;
import dev.steward.platform.DecisionLog;
import dev.steward.qa.QaAgentResult;
import dev.steward.vendor.LifecyclePhase;
import dev.steward.vendor.LifecycleView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the dashboard pages show, assembled by {@link DashboardQueries}. */
final class DashboardModel {

  private DashboardModel() {}

  /**
   * The overview: the summary line, one row per vendor, the signed-in user's pending approvals.
   *
   * @param scorePeriod the last full quarter: the scorecard period of the KPI and credit columns
   * @param periods the chart's periods, oldest first; the last one is the current quarter to date
   */
  record Overview(
      String scorePeriod,
      List<String> periods,
      int chartFrom,
      String breachesSince,
      List<PhaseCount> phases,
      long openEscalations,
      long openBreached,
      long breachedInWindow,
      String credits,
      List<VendorRow> vendors,
      List<Approval> approvals,
      int otherTasks,
      String chartJson,
      String chartSummary) {

    /** The KPIs any vendor's scorecard defines, in the order of kpis.md: the matrix columns. */
    public List<KpiColumn> kpiColumns() {
      List<KpiColumn> columns = new java.util.ArrayList<>();
      for (dev.steward.kpi.KpiKey key : Kpis.ORDER) {
        if (vendors.stream().anyMatch(v -> v.kpi(key.key()) != null)) {
          columns.add(new KpiColumn(key.key(), Kpis.label(key)));
        }
      }
      return columns;
    }
  }

  record KpiColumn(String key, String label) {}

  record PhaseCount(LifecyclePhase phase, long vendors) {
    public String label() {
      return Phases.label(phase);
    }
  }

  /**
   * One vendor: phase, balanced score per period ({@code null} without data), the score period's
   * KPIs, QA, escalations and credits.
   */
  record VendorRow(
      String id,
      String code,
      String name,
      LifecyclePhase phase,
      String relationshipManager,
      List<BigDecimal> scores,
      BigDecimal score,
      BigDecimal change,
      List<Kpis> kpis,
      long interactions,
      Qa qa,
      EscalationCounts escalations,
      BigDecimal credits) {

    public String phaseLabel() {
      return Phases.label(phase);
    }

    public String phaseBadge() {
      return Phases.badge(phase);
    }

    public String scoreText() {
      return Numbers.text(score, "");
    }

    public String changeText() {
      if (change == null) {
        return "";
      }
      return (change.signum() > 0 ? "▲ +" : change.signum() < 0 ? "▼ " : "● ")
          + Numbers.text(change, "");
    }

    public String changeBadge() {
      return change == null ? "neutral" : change.signum() < 0 ? "bad" : "good";
    }

    public String scoreBadge() {
      if (score == null) {
        return "neutral";
      }
      return score.compareTo(BigDecimal.valueOf(80)) >= 0
          ? "good"
          : score.compareTo(BigDecimal.valueOf(60)) >= 0 ? "warn" : "bad";
    }

    public long kpisMet() {
      return Kpis.met(kpis);
    }

    public long kpisWithValue() {
      return Kpis.withValue(kpis);
    }

    public String creditsText() {
      return Numbers.money(credits);
    }

    public Kpis kpi(String key) {
      return kpis.stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
    }

    public String scoreAt(int i) {
      return Numbers.text(scores.get(i), "");
    }
  }

  /**
   * QA of the vendor's latest cycle with scored audits: pass rate and its 95 % Wilson interval in
   * percent.
   */
  record Qa(
      String cycleId,
      String period,
      String status,
      long scored,
      long passed,
      BigDecimal qaScore,
      BigDecimal passRate,
      BigDecimal lower,
      BigDecimal upper) {

    public String passRateText() {
      return Numbers.text(passRate, "%");
    }

    public String intervalText() {
      return lower == null
          ? Numbers.NONE
          : lower.toPlainString() + "–" + upper.toPlainString() + " %";
    }

    public String qaScoreText() {
      return Numbers.text(qaScore, "");
    }
  }

  /** An open approval the user may decide, with the link into Camunda Tasklist. */
  record Approval(
      String taskId,
      String name,
      String vendorId,
      String vendorCode,
      String vendorName,
      Instant created,
      String tasklistUrl) {}

  /** The drill-down page of one vendor. */
  record VendorPage(
      VendorRow row,
      String scorePeriodLabel,
      String currentPeriod,
      List<Kpis> currentKpis,
      long currentInteractions,
      List<CreditMonth> creditMonths,
      String creditsTotal,
      String atRisk,
      List<String> months,
      List<BigDecimal> monthScores,
      String chartJson,
      String chartSummary,
      List<QaAgentResult> agents,
      List<EscalationView> openEscalations,
      LifecycleView lifecycle,
      List<DecisionLog.Decision> decisions,
      List<Approval> approvals) {

    public Kpis currentKpi(String key) {
      return currentKpis.stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
    }

    public Qa agentQa(QaAgentResult a) {
      return new Qa(
          null,
          null,
          null,
          a.scored(),
          a.passed(),
          Numbers.oneDecimal(a.qaScore()),
          Numbers.percent(a.passRate()),
          a.passRateInterval() == null ? null : Numbers.percent(a.passRateInterval().lower()),
          a.passRateInterval() == null ? null : Numbers.percent(a.passRateInterval().upper()));
    }

    public String phaseLabel(LifecyclePhase phase) {
      return Phases.label(phase);
    }

    public String monthScoreAt(int i) {
      return Numbers.text(monthScores.get(i), "");
    }
  }

  /** One month's service credit. */
  record CreditMonth(String month, long interactions, List<String> missed, String credit) {}
}
