package dev.steward.kpi;

import dev.steward.platform.AuditLog;
import dev.steward.platform.BadRequestException;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.VendorService;
import java.util.ArrayList;
import java.util.List;
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
