package dev.steward.onboarding;

import dev.steward.vendor.Involvement;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsibility split of a vendor: decided by the {@code ResponsibilitySplit} DMN table from
 * the vendor's involvement level, and kept with the vendor's onboarding. Other slices (training,
 * QA) route their tasks by it.
 */
@Service
public class ResponsibilitySplits {

  private final DecisionService decisionService;
  private final OnboardingStore store;
  private final VendorService vendors;

  ResponsibilitySplits(
      DecisionService decisionService, OnboardingStore store, VendorService vendors) {
    this.decisionService = decisionService;
    this.store = store;
    this.vendors = vendors;
  }

  /**
   * Evaluates the table for an involvement level.
   *
   * @throws IllegalStateException if the table has no rule for it (a broken table: an incident)
   */
  public ResponsibilitySplit decide(Involvement involvement) {
    DmnDecisionRuleResult result =
        decisionService
            .evaluateDecisionTableByKey(OnboardingProcess.SPLIT_DECISION_KEY)
            .variables(Map.of(OnboardingProcess.INVOLVEMENT.name(), involvement.name()))
            .evaluate()
            .getSingleResult();
    if (result == null) {
      throw new IllegalStateException(
          "The "
              + OnboardingProcess.SPLIT_DECISION_KEY
              + " table has no rule for involvement "
              + involvement);
    }
    Map<Responsibility, Owner> owners = new EnumMap<>(Responsibility.class);
    for (Responsibility responsibility : Responsibility.values()) {
      Object owner = result.getEntry(responsibility.output());
      if (owner == null) {
        throw new IllegalStateException(
            "The "
                + OnboardingProcess.SPLIT_DECISION_KEY
                + " table gives no owner of "
                + responsibility.output()
                + " for involvement "
                + involvement);
      }
      owners.put(responsibility, Owner.valueOf(owner.toString()));
    }
    return new ResponsibilitySplit(involvement, owners);
  }

  /**
   * The split the vendor's latest onboarding decided; before any onboarding, what the table says
   * for the vendor's involvement level today.
   *
   * @throws IllegalArgumentException if there is no such vendor
   */
  @Transactional(readOnly = true)
  public ResponsibilitySplit forVendor(String vendorId) {
    return store
        .latestOf(vendorId)
        .map(OnboardingStore.Onboarding::split)
        .orElseGet(
            () -> {
              Vendor vendor =
                  vendors
                      .findForSystem(vendorId)
                      .orElseThrow(
                          () -> new IllegalArgumentException("No vendor has id " + vendorId));
              return decide(vendor.getInvolvement());
            });
  }
}
