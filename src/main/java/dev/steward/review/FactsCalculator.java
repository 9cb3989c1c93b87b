package dev.steward.review;

import dev.steward.escalation.ResponseSlaAttainment;
import dev.steward.kpi.BalancedScore;
import dev.steward.kpi.KpiKey;
import dev.steward.kpi.KpiTotals;
import dev.steward.kpi.Period;
import dev.steward.kpi.ScorecardDefinition;
import dev.steward.kpi.ServiceCreditTerms;
import dev.steward.qa.QaCycleResult;
import dev.steward.risk.RiskItemView;
import dev.steward.risk.RiskSeverity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quarter's facts from their inputs: pure arithmetic, tested from hand-computed cases. Full
 * precision throughout; the snapshot rounds half-up to 2 decimals at the end.
 */
final class FactsCalculator {

  /** One whole calendar month of the period with its KPI totals (for the service credits). */
  record Month(Period month, KpiTotals totals) {}

  /** Everything the facts are computed from. */
  record Inputs(
      String periodLabel,
      LocalDate from,
      LocalDate toExclusive,
      KpiTotals periodTotals,
      List<Month> wholeMonths,
      ScorecardDefinition definition,
      ServiceCreditTerms credits,
      List<QaCycleResult> qaCycles,
      ResponseSlaAttainment sla,
      List<RiskItemView> openRisks,
      Double previousTotal,
      String previousPeriod) {}

  /** The facts, and the total at full precision for the outcome rule. */
  record Result(ReviewFacts facts, Double total) {}

  private FactsCalculator() {}

  static Result assemble(Inputs in) {
    BalancedScore score = BalancedScore.of(in.periodTotals(), in.definition());
    Map<String, ReviewFacts.Kpi> kpis = new LinkedHashMap<>();
    score
        .lines()
        .forEach(
            (key, line) ->
                kpis.put(
                    key.key(),
                    new ReviewFacts.Kpi(
                        round(line.value()),
                        round(line.target()),
                        line.weight(),
                        round(line.score()))));
    Double total = score.total() == null ? null : score.total().doubleValue();
    ReviewFacts facts =
        new ReviewFacts(
            in.periodLabel(),
            in.from(),
            in.toExclusive(),
            in.periodTotals().contacts(),
            round(score.total()),
            in.previousTotal() == null ? null : round(BigDecimal.valueOf(in.previousTotal())),
            in.previousPeriod(),
            kpis,
            qa(in.qaCycles()),
            sla(in.sla()),
            credits(in.credits(), in.wholeMonths(), in.definition()),
            risks(in.openRisks()));
    return new Result(facts, total);
  }

  /** Σ passed / Σ scored in percent; QA score = Σ (cycle score · scored) / Σ scored. */
  static ReviewFacts.Qa qa(List<QaCycleResult> cycles) {
    long scored = 0;
    long passed = 0;
    double weighted = 0;
    for (QaCycleResult c : cycles) {
      if (c.scored() == 0 || c.qaScore() == null) {
        continue;
      }
      scored += c.scored();
      passed += c.passed();
      weighted += c.qaScore() * c.scored();
    }
    return new ReviewFacts.Qa(
        cycles.size(),
        scored,
        passed,
        scored == 0 ? null : round(BigDecimal.valueOf(100.0 * passed / scored)),
        scored == 0 ? null : round(BigDecimal.valueOf(weighted / scored)));
  }

  static ReviewFacts.EscalationSla sla(ResponseSlaAttainment sla) {
    Double percent = sla.percent();
    return new ReviewFacts.EscalationSla(
        sla.due(), sla.withinSla(), percent == null ? null : round(BigDecimal.valueOf(percent)));
  }

  /** Each whole month's credit by the contract; the total summed at full precision. */
  static ReviewFacts.Credits credits(
      ServiceCreditTerms terms, List<Month> months, ScorecardDefinition definition) {
    BigDecimal total = BigDecimal.ZERO;
    List<ReviewFacts.CreditMonth> lines = new ArrayList<>();
    for (Month month : months) {
      ServiceCreditTerms.MonthlyCredit credit =
          terms.creditFor(month.month(), month.totals().values(), definition);
      total = total.add(credit.credit());
      lines.add(
          new ReviewFacts.CreditMonth(
              month.month().toString(),
              credit.missed().stream().map(KpiKey::key).toList(),
              round(credit.credit())));
    }
    return new ReviewFacts.Credits(List.copyOf(lines), round(total));
  }

  static ReviewFacts.Risks risks(List<RiskItemView> open) {
    Map<String, Integer> bySeverity = new LinkedHashMap<>();
    for (RiskSeverity severity : RiskSeverity.values()) {
      bySeverity.put(severity.name(), 0);
    }
    int overdue = 0;
    for (RiskItemView item : open) {
      bySeverity.merge(item.severity().name(), 1, Integer::sum);
      if (item.overdue()) {
        overdue++;
      }
    }
    return new ReviewFacts.Risks(open.size(), overdue, bySeverity);
  }

  static BigDecimal round(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
  }
}
