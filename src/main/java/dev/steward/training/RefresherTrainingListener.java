package dev.steward.training;

import dev.steward.qa.AgentFlaggedForRefresher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts refresher training for an agent QA flagged, synchronously in QA's transaction; idempotent
 * (a second event for the same cycle and agent starts nothing), since QA's job may run twice.
 */
@Component
class RefresherTrainingListener {

  private final TrainingService training;

  RefresherTrainingListener(TrainingService training) {
    this.training = training;
  }

  @EventListener
  void on(AgentFlaggedForRefresher event) {
    training.requestRefresher(event.vendorId(), event.agentId(), event.cycleId());
  }
}
