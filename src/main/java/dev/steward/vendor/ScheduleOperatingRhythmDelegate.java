package dev.steward.vendor;

import static dev.steward.vendor.VendorLifecycleProcess.QA_CYCLE_SCHEDULE;
import static dev.steward.vendor.VendorLifecycleProcess.QBR_SCHEDULE;
import static dev.steward.vendor.VendorLifecycleProcess.RELATIONSHIP_MANAGER;
import static dev.steward.vendor.VendorLifecycleProcess.SYNC_CADENCE;
import static dev.steward.vendor.VendorLifecycleProcess.SYNC_SCHEDULE;

import dev.steward.platform.ProcessConventions;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ScheduleOperatingRhythm: the QA-cycle, quarterly-review and sync-meeting timers of the
 * operating phase, and who holds the sync meetings. Only writes variables, so running it twice is
 * harmless.
 */
@Component
class ScheduleOperatingRhythmDelegate implements JavaDelegate {

  private final VendorService vendors;
  private final Clock clock;

  ScheduleOperatingRhythmDelegate(VendorService vendors, Clock clock) {
    this.vendors = vendors;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String vendorId = ProcessConventions.VENDOR_ID.requiredFrom(execution);
    Vendor vendor =
        vendors
            .findForSystem(vendorId)
            .orElseThrow(() -> new IllegalStateException("No vendor " + vendorId));
    Instant now = clock.instant();
    QA_CYCLE_SCHEDULE.on(execution, OperatingRhythm.qaCycles(now));
    QBR_SCHEDULE.on(execution, OperatingRhythm.quarterlyReviews(now));
    SYNC_SCHEDULE.on(
        execution,
        OperatingRhythm.syncMeetings(
            now,
            SYNC_CADENCE.from(execution),
            vendor.getTimeZone(),
            vendor.getBusinessHoursStart(),
            vendor.getBusinessDays()));
    RELATIONSHIP_MANAGER.on(execution, vendor.getRelationshipManager());
  }
}
