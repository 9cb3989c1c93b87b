package dev.steward.kpi;

import dev.steward.platform.AuditLog;
import dev.steward.platform.BadRequestException;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.VendorService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** A vendor's balanced scorecard: its definition, and its numbers over a month or a quarter. */
@Service
public class ScorecardService {

  private final VendorService vendors;
  private final ScorecardStore store;
  private final KpiQueries kpis;
  private final AuditLog auditLog;

  ScorecardService(
      VendorService vendors, ScorecardStore store, KpiQueries kpis, AuditLog auditLog) {
    this.vendors = vendors;
    this.store = store;
    this.kpis = kpis;
    this.auditLog = auditLog;
  }

  /** Replaces the vendor's scorecard definition; 400 for unknown KPIs, 422 for invalid values. */
  @Transactional
  public ScorecardDefinitionView replaceDefinition(
      String vendorId, ScorecardRequest request, StewardPrincipal actor) {
    vendors.find(vendorId, actor);
    ScorecardDefinition definition = request.toDefinition();
    store.lockVendor(vendorId);
    // a credited KPI needs a target: the contract must not be left crediting a KPI the scorecard
    // drops
    List<FieldError> errors = new ArrayList<>();
    store
        .contract(vendorId)
        .credits()
        .allocations()
        .keySet()
        .forEach(
            key -> {
              if (!definition.kpis().containsKey(key)) {
                errors.add(
                    FieldError.field(
                        "kpis." + key.key(),
                        "is credited by the vendor's contract, so it must stay in the scorecard; change the contract's"
                            + " creditAllocations first"));
              }
            });
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The scorecard is invalid", errors);
    }
    store.replaceDefinition(vendorId, definition);
    auditLog.record(
        actor.username(), "SCORECARD_DEFINED", "vendor", vendorId, describe(definition));
    return ScorecardDefinitionView.of(vendorId, store.definition(vendorId));
  }

  /** The vendor's scorecard definition; the default one while none is stored. */
  @Transactional(readOnly = true)
  public ScorecardDefinitionView definition(String vendorId, StewardPrincipal caller) {
    vendors.find(vendorId, caller);
    return ScorecardDefinitionView.of(vendorId, store.definition(vendorId));
  }

  /**
   * The vendor's scorecard and service credits over a period, from the daily rollups: the period's
   * totals are the sum of its months' totals (exact counts), and each month is checked against the
   * contract for credits. One snapshot (repeatable read), so a concurrent import cannot show in one
   * month and not in another.
   *
   * @param periodText {@code 2026-07} or {@code 2026-Q3}; anything else is a 400
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ScorecardView scorecard(String vendorId, String periodText, StewardPrincipal caller) {
    vendors.find(vendorId, caller);
    Period period = parse(periodText);
    ScorecardDefinition definition = store.definition(vendorId);
    ContractTerms contract = store.contract(vendorId);
    KpiTotals totals = KpiTotals.EMPTY;
    List<KpiTotals> monthTotals = new ArrayList<>();
    List<ServiceCreditTerms.MonthlyCredit> credits = new ArrayList<>();
    for (Period month : period.monthsInside()) {
      KpiTotals monthTotal = kpis.fromRollups(vendorId, month);
      monthTotals.add(monthTotal);
      totals = totals.plus(monthTotal);
      credits.add(contract.credits().creditFor(month, monthTotal.values(), definition));
    }
    return ScorecardView.of(
        vendorId,
        period,
        totals,
        BalancedScore.of(totals, definition),
        contract,
        credits,
        monthTotals);
  }

  /**
   * Every vendor's scorecard and service credits over each of the given periods, read from the
   * daily rollups with a fixed number of queries whatever the number of vendors (one grouped rollup
   * query, the definitions, the contracts). Not scoped: for brand-wide pages (the executive
   * dashboard) whose callers see every vendor.
   *
   * @param vendorIds the vendors to answer for; an empty map entry is never left out: a vendor
   *     without rollups gets empty scorecards
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Map<String, List<ScorecardView>> scorecardsOfAll(
      Collection<String> vendorIds, List<Period> periods) {
    Map<String, List<ScorecardView>> result = new LinkedHashMap<>();
    if (periods.isEmpty() || vendorIds.isEmpty()) {
      vendorIds.forEach(v -> result.put(v, List.of()));
      return result;
    }
    LocalDate from = periods.stream().map(Period::firstDay).min(LocalDate::compareTo).orElseThrow();
    LocalDate to = periods.stream().map(Period::endDay).max(LocalDate::compareTo).orElseThrow();
    Map<String, Map<YearMonth, KpiTotals>> monthly = kpis.monthlyFromRollupsOfAll(from, to);
    Map<String, ScorecardDefinition> definitions = store.definitionsOfAll();
    Map<String, ContractTerms> contracts = store.contractsOfAll();
    for (String vendorId : vendorIds) {
      ScorecardDefinition definition =
          definitions.getOrDefault(vendorId, ScorecardDefinition.defaults());
      ContractTerms contract = contracts.getOrDefault(vendorId, ContractTerms.none());
      Map<YearMonth, KpiTotals> months = monthly.getOrDefault(vendorId, Map.of());
      List<ScorecardView> views = new ArrayList<>();
      for (Period period : periods) {
        KpiTotals totals = KpiTotals.EMPTY;
        List<KpiTotals> monthTotals = new ArrayList<>();
        List<ServiceCreditTerms.MonthlyCredit> credits = new ArrayList<>();
        for (Period month : period.monthsInside()) {
          KpiTotals monthTotal = months.getOrDefault(month.first(), KpiTotals.EMPTY);
          monthTotals.add(monthTotal);
          totals = totals.plus(monthTotal);
          credits.add(contract.credits().creditFor(month, monthTotal.values(), definition));
        }
        views.add(
            ScorecardView.of(
                vendorId,
                period,
                totals,
                BalancedScore.of(totals, definition),
                contract,
                credits,
                monthTotals));
      }
      result.put(vendorId, List.copyOf(views));
    }
    return result;
  }

  /**
   * The vendor's scorecard definition as it stands (the default while none is stored), for
   * processes that act for the system rather than a user.
   */
  @Transactional(readOnly = true)
  public ScorecardDefinition currentDefinition(String vendorId) {
    return store.definition(vendorId);
  }

  /** A balanced score over whole UTC days, with the totals it was computed from. */
  public record DayRangeScore(
      String vendorId,
      LocalDate from,
      LocalDate toExclusive,
      KpiTotals totals,
      BalancedScore score) {}

  /**
   * The vendor's balanced score over the UTC days {@code [from, toExclusive)} from the daily
   * rollups, computed with the given definition (e.g. a pilot scoring the incumbent with the
   * challenger's definition). The service-level KPI counts with the vendor's own contract
   * threshold, as its rollups do.
   */
  @Transactional(readOnly = true)
  public DayRangeScore scoreOverDays(
      String vendorId, LocalDate from, LocalDate toExclusive, ScorecardDefinition definition) {
    if (!toExclusive.isAfter(from)) {
      throw new IllegalArgumentException(
          "The day range [" + from + ", " + toExclusive + ") is empty");
    }
    KpiTotals totals = kpis.fromRollups(vendorId, from, toExclusive);
    return new DayRangeScore(
        vendorId, from, toExclusive, totals, BalancedScore.of(totals, definition));
  }

  static Period parse(String periodText) {
    try {
      return Period.parse(periodText);
    } catch (IllegalArgumentException e) {
      String detail =
          periodText == null || periodText.isEmpty()
              ? "The period parameter is required: " + e.getMessage()
              : "'" + periodText + "' is not a period: " + e.getMessage();
      throw new BadRequestException(detail, List.of(FieldError.field("period", e.getMessage())));
    }
  }

  static String describe(ScorecardDefinition definition) {
    return definition.kpis().entrySet().stream()
        .map(
            e ->
                e.getKey().key()
                    + " t="
                    + e.getValue().target().toPlainString()
                    + " z="
                    + e.getValue().zero().toPlainString()
                    + " w="
                    + e.getValue().weight())
        .collect(Collectors.joining("; "));
  }
}
