package dev.steward.pilot;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Computes the pilot's scorecard(s) and hands the executive's form the comparison. */
@Component
class ComputePilotScorecardDelegate implements JavaDelegate {

  private final PilotService pilots;

  ComputePilotScorecardDelegate(PilotService pilots) {
    this.pilots = pilots;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PilotProcess.PILOT_COMPARISON.on(
        execution, pilots.score(PilotProcess.PILOT_ID.requiredFrom(execution)));
  }
}
