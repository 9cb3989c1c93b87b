package dev.steward.risk;

import java.time.Instant;

/**
 * Published (synchronously, in the closing transaction) when a risk item is set to DONE or
 * CANCELLED through the API, so the slice that created it can finish its own work (the quarterly
 * review completes the action item's task).
 */
public record RiskItemClosed(
    String riskItemId,
    String vendorId,
    RiskSource source,
    String sourceRef,
    RiskStatus status,
    String closedBy,
    Instant closedAt) {}
