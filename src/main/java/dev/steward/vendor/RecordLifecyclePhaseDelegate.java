package dev.steward.vendor;

import static dev.steward.vendor.VendorLifecycleProcess.PHASE;

import dev.steward.platform.ProcessConventions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every "Enter ... phase" / "Record ..." service task of the lifecycle: moves the vendor to the
 * phase named by the task's {@code phase} input parameter. One delegate for all of them on purpose:
 * they do the same thing with a different constant, which the diagram shows (not a switch on the
 * activity id). Idempotent.
 */
@Component
class RecordLifecyclePhaseDelegate implements JavaDelegate {

  private final VendorService vendors;

  RecordLifecyclePhaseDelegate(VendorService vendors) {
    this.vendors = vendors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    vendors.enterPhase(
        ProcessConventions.VENDOR_ID.requiredFrom(execution),
        LifecyclePhase.valueOf(PHASE.requiredFrom(execution)));
  }
}
