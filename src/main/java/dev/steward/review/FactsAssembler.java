package dev.steward.review;

import dev.steward.escalation.EscalationService;
import dev.steward.kpi.BalancedScore;
import dev.steward.kpi.ContractService;
import dev.steward.kpi.ContractView;
import dev.steward.kpi.KpiKey;
import dev.steward.kpi.KpiQueries;
import dev.steward.kpi.KpiTotals;
import dev.steward.kpi.Period;
import dev.steward.kpi.ScorecardDefinition;
import dev.steward.kpi.ScorecardService;
import dev.steward.kpi.ServiceCreditTerms;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.qa.QaCycleService;
import dev.steward.risk.RiskService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Gathers a review's inputs from the kpi, QA, escalation and risk slices. */
@Component
class FactsAssembler {

  /** The review acts for the system; the contract read needs a caller who sees every vendor. */
  static final StewardPrincipal SYSTEM =
      new StewardPrincipal("system", "Steward", Set.of(Role.ADMIN), null);

  private final KpiQueries kpis;
  private final ScorecardService scorecards;
  private final ContractService contracts;
  private final QaCycleService qaCycles;
  private final EscalationService escalations;
  private final RiskService risks;

  FactsAssembler(
      KpiQueries kpis,
      ScorecardService scorecards,
      ContractService contracts,
      QaCycleService qaCycles,
      EscalationService escalations,
      RiskService risks) {
    this.kpis = kpis;
    this.scorecards = scorecards;
    this.contracts = contracts;
    this.qaCycles = qaCycles;
    this.escalations = escalations;
    this.risks = risks;
  }

  /**
   * The facts of {@code [from, toExclusive)}. For a quarterly review the previous total is the
   * previous calendar quarter's balanced score (null without data); a follow-up passes the total of
   * the review it follows.
   */
  FactsCalculator.Result assemble(
      String vendorId,
      String label,
      LocalDate from,
      LocalDate toExclusive,
      Double previousTotal,
      String previousPeriod) {
    ScorecardDefinition definition = scorecards.currentDefinition(vendorId);
    List<FactsCalculator.Month> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from);
        !m.atDay(1).isAfter(toExclusive.minusDays(1));
        m = m.plusMonths(1)) {
      Period month = Period.month(m);
      if (!month.firstDay().isBefore(from) && !month.endDay().isAfter(toExclusive)) {
        months.add(new FactsCalculator.Month(month, kpis.fromRollups(vendorId, month)));
      }
    }
    return FactsCalculator.assemble(
        new FactsCalculator.Inputs(
            label,
            from,
            toExclusive,
            kpis.fromRollups(vendorId, from, toExclusive),
            months,
            definition,
            creditTerms(contracts.get(vendorId, SYSTEM)),
            qaCycles.resultsForMonths(
                vendorId, YearMonth.from(from), YearMonth.from(toExclusive.minusDays(1))),
            escalations.responseSlaAttainment(
                vendorId,
                from.atStartOfDay().toInstant(ZoneOffset.UTC),
                toExclusive.atStartOfDay().toInstant(ZoneOffset.UTC)),
            risks.openItems(vendorId),
            previousTotal,
            previousPeriod));
  }

  /** The balanced score of a period at full precision, {@code null} without data. */
  Double totalOf(String vendorId, Period period) {
    KpiTotals totals = kpis.fromRollups(vendorId, period);
    BigDecimal total = BalancedScore.of(totals, scorecards.currentDefinition(vendorId)).total();
    return total == null ? null : total.doubleValue();
  }

  static ServiceCreditTerms creditTerms(ContractView contract) {
    Map<KpiKey, BigDecimal> allocations = new EnumMap<>(KpiKey.class);
    contract
        .creditAllocations()
        .forEach((key, percent) -> KpiKey.of(key).ifPresent(k -> allocations.put(k, percent)));
    return new ServiceCreditTerms(contract.monthlyFee(), contract.atRiskPercent(), allocations);
  }
}
