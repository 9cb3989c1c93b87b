package dev.steward.review;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the RM saw when holding the review: the period's balanced scorecard, QA results, escalation
 * SLA attainment, service credits and open risks. Stored with the review as JSON; numbers rounded
 * half-up to 2 decimals (the review's own {@code total} column keeps full precision for the rule).
 */
public record ReviewFacts(
    @Schema(example = "2026-Q3") String period,
    LocalDate from,
    @Schema(description = "exclusive") LocalDate toExclusive,
    long interactions,
    @Schema(nullable = true, description = "balanced score 0-100; null without data")
        BigDecimal total,
    @Schema(nullable = true) BigDecimal previousTotal,
    @Schema(nullable = true) String previousPeriod,
    Map<String, Kpi> kpis,
    Qa qa,
    EscalationSla escalationSla,
    Credits serviceCredits,
    Risks openRisks) {

  /** One KPI of the balanced scorecard. */
  public record Kpi(
      @Schema(nullable = true) BigDecimal value,
      BigDecimal target,
      int weight,
      @Schema(nullable = true) BigDecimal score) {}

  /**
   * QA cycles whose month lies in the period.
   *
   * @param passRate Σ passed / Σ scored over the cycles, in percent
   * @param qaScore mean audit score over all scored audits of the cycles
   */
  public record Qa(
      int cycles,
      long scored,
      long passed,
      @Schema(nullable = true) BigDecimal passRate,
      @Schema(nullable = true) BigDecimal qaScore) {}

  /** Responses within SLA / responses due in the period, in percent. */
  public record EscalationSla(
      long responsesDue, long withinSla, @Schema(nullable = true) BigDecimal attainment) {}

  /** Service credits per whole calendar month of the period (kpis.md "Service credits"). */
  public record Credits(List<CreditMonth> months, BigDecimal total) {}

  public record CreditMonth(String month, List<String> missed, BigDecimal credit) {}

  /** The vendor's open and in-progress risk items when the facts were assembled. */
  public record Risks(int open, int overdue, Map<String, Integer> bySeverity) {}

  /** One line per fact, for the hold-QBR form and the decision record's inputs. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append("Period ")
        .append(period)
        .append(" (")
        .append(interactions)
        .append(" interactions): balanced score ")
        .append(text(total))
        .append(", previous ")
        .append(previousPeriod == null ? "-" : previousPeriod)
        .append(" ")
        .append(text(previousTotal))
        .append(".\n");
    s.append("KPIs: ")
        .append(
            kpis.entrySet().stream()
                .map(e -> e.getKey() + " " + text(e.getValue().value()))
                .collect(Collectors.joining(", ")))
        .append(".\n");
    s.append("QA: ")
        .append(qa.cycles())
        .append(" cycle(s), ")
        .append(qa.scored())
        .append(" scored audits, pass rate ")
        .append(text(qa.passRate()))
        .append(" %, QA score ")
        .append(text(qa.qaScore()))
        .append(".\n");
    s.append("Escalation SLA attainment: ")
        .append(escalationSla.withinSla())
        .append(" of ")
        .append(escalationSla.responsesDue())
        .append(" responses within SLA (")
        .append(text(escalationSla.attainment()))
        .append(" %).\n");
    s.append("Service credits owed: ").append(text(serviceCredits.total())).append(".\n");
    s.append("Open risks: ")
        .append(openRisks.open())
        .append(" (")
        .append(openRisks.overdue())
        .append(" overdue) ")
        .append(openRisks.bySeverity())
        .append(".");
    return s.toString();
  }

  private static String text(BigDecimal value) {
    return value == null ? "n/a" : value.toPlainString();
  }
}
