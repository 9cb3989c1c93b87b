package dev.steward.pilot;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the RM's plan and sets when the pilot ends. Runs in the plan task's transaction, so an
 * invalid plan's {@code InvalidDataException} refuses the completion (422) and the task stays open.
 */
@Component
class StorePilotPlanDelegate implements JavaDelegate {

  private final PilotService pilots;

  StorePilotPlanDelegate(PilotService pilots) {
    this.pilots = pilots;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PilotService.PlanInput plan =
        new PilotService.PlanInput(
            PilotProcess.SCOPE.from(execution),
            PilotProcess.LIVE_VOLUME_SHARE_PERCENT.from(execution),
            PilotProcess.START_DATE.from(execution),
            PilotProcess.DURATION_DAYS.from(execution),
            PilotProcess.INCUMBENT_VENDOR_CODE.from(execution));
    PilotProcess.PILOT_ENDS_AT.on(
        execution,
        Date.from(
            pilots.plan(
                PilotProcess.PILOT_ID.requiredFrom(execution),
                plan,
                PilotProcess.LAST_COMPLETED_BY.from(execution))));
  }
}
