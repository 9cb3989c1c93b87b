package dev.steward.qa;

import java.time.Instant;

/**
 * Published when an agent fails QA in two consecutive cycles of their vendor: the training slice
 * starts a refresher-training instance for them. Published inside the transaction that closes the
 * cycle's results, so a listener that starts a process commits (or rolls back) together with it;
 * listeners must be idempotent because the job may run twice.
 *
 * @param vendorId the agent's vendor
 * @param agentId the agent, as in the interaction data
 * @param cycleId the second failed cycle
 * @param flaggedAt when
 */
public record AgentFlaggedForRefresher(
    String vendorId, String agentId, String cycleId, Instant flaggedAt) {}
