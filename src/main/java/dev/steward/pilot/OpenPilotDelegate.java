package dev.steward.pilot;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens the pilot: its id (out to the caller), the vendor's RM and KPI targets for the plan. */
@Component
class OpenPilotDelegate implements JavaDelegate {

  private final PilotService pilots;

  OpenPilotDelegate(PilotService pilots) {
    this.pilots = pilots;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PilotService.Opened opened =
        pilots.open(
            PilotProcess.VENDOR_ID.requiredFrom(execution), execution.getProcessInstanceId());
    PilotProcess.PILOT_ID.on(execution, opened.pilotId());
    PilotProcess.RELATIONSHIP_MANAGER.on(execution, opened.relationshipManager());
    PilotProcess.KPI_TARGETS.on(execution, opened.kpiTargets());
  }
}
