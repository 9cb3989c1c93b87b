package dev.steward.vendor;

import java.time.Instant;
import java.util.List;

/**
 * A vendor's lifecycle as {@code GET /api/vendors/{id}/lifecycle} shows it.
 *
 * @param phase the current phase
 * @param processInstanceId the lifecycle process instance, {@code null} for a lead (engine ids are
 *     internal) or when none exists
 * @param active whether the lifecycle process still runs
 * @param currentSteps the names of the lifecycle's current activities (e.g. "Run pilot")
 * @param phases when the vendor entered each phase, oldest first
 */
public record LifecycleView(
    String vendorId,
    LifecyclePhase phase,
    String processInstanceId,
    boolean active,
    List<String> currentSteps,
    List<PhaseEntry> phases) {

  public record PhaseEntry(LifecyclePhase phase, Instant enteredAt) {}
}
