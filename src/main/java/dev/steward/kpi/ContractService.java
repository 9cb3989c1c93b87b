package dev.steward.kpi;

import dev.steward.platform.AuditLog;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.VendorService;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A vendor's contract terms: service-credit terms and the service-level threshold. */
@Service
public class ContractService {

  private final VendorService vendors;
  private final ScorecardStore store;
  private final InteractionRollups rollups;
  private final AuditLog auditLog;

  ContractService(
      VendorService vendors, ScorecardStore store, InteractionRollups rollups, AuditLog auditLog) {
    this.vendors = vendors;
    this.store = store;
    this.rollups = rollups;
    this.auditLog = auditLog;
  }

  /**
   * Replaces the vendor's contract terms; 400 for unknown KPIs, 422 for invalid values. A changed
   * service-level threshold rebuilds the vendor's rollups in the same transaction, so scorecards
   * stay exact.
   */
  @Transactional
  public ContractView replace(String vendorId, ContractRequest request, StewardPrincipal actor) {
    vendors.find(vendorId, actor);
    int previousThreshold = store.lockVendor(vendorId);
    ContractTerms terms = request.toTerms(store.definition(vendorId));
    store.replaceContract(vendorId, terms);
    if (terms.serviceLevelThresholdSeconds() != previousThreshold) {
      rollups.rebuild(vendorId, terms.serviceLevelThresholdSeconds());
    }
    auditLog.record(
        actor.username(),
        "CONTRACT_TERMS_SET",
        "vendor",
        vendorId,
        describe(terms, previousThreshold));
    return ContractView.of(vendorId, store.contract(vendorId));
  }

  @Transactional(readOnly = true)
  public ContractView get(String vendorId, StewardPrincipal caller) {
    vendors.find(vendorId, caller);
    return ContractView.of(vendorId, store.contract(vendorId));
  }

  private static String describe(ContractTerms terms, int previousThreshold) {
    return "monthlyFee="
        + terms.credits().monthlyFee().toPlainString()
        + " atRiskPercent="
        + terms.credits().atRiskPercent().toPlainString()
        + " serviceLevelThresholdSeconds="
        + terms.serviceLevelThresholdSeconds()
        + (terms.serviceLevelThresholdSeconds() != previousThreshold
            ? " (was " + previousThreshold + ")"
            : "")
        + " creditAllocations="
        + terms.credits().allocations().entrySet().stream()
            .map(e -> e.getKey().key() + ":" + e.getValue().toPlainString())
            .collect(Collectors.joining(",", "{", "}"));
  }
}
