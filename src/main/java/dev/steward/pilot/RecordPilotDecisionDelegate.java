package dev.steward.pilot;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the go/no-go (who, when, why, what they saw) and sets the outcome the caller reads. */
@Component
class RecordPilotDecisionDelegate implements JavaDelegate {

  private final PilotService pilots;

  RecordPilotDecisionDelegate(PilotService pilots) {
    this.pilots = pilots;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome =
        pilots.decide(
            PilotProcess.PILOT_ID.requiredFrom(execution),
            PilotProcess.DECISION.requiredFrom(execution),
            PilotProcess.DECISION_REASON.from(execution),
            PilotProcess.LAST_COMPLETED_BY.from(execution),
            PilotProcess.PILOT_COMPARISON.from(execution));
    PilotProcess.PILOT_OUTCOME.on(execution, outcome);
  }
}
