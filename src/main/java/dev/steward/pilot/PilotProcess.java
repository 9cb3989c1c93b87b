package dev.steward.pilot;

import static dev.steward.platform.ProcessVariable.dateVariable;
import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessConventions;
import dev.steward.platform.ProcessVariable;
import java.util.Date;

/**
 * Everything the code knows about {@code processes/vendor-pilot.bpmn}: its key, element ids, groups
 * and typed variables. The business key is the vendor id. The vendor lifecycle calls it as a call
 * activity with {@link #VENDOR_ID} in and reads {@link #PILOT_OUTCOME} ({@value #GO} or {@value
 * #NO_GO}) and {@link #PILOT_ID} out.
 */
public final class PilotProcess {

  public static final String PROCESS_KEY = "VendorPilot";

  /** Values of {@link #PILOT_OUTCOME} and of the go/no-go form's {@code decision} field. */
  public static final String GO = "GO";

  public static final String NO_GO = "NO_GO";

  /** Element ids, as in the diagram. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_PilotRequested";
    public static final String OPEN_PILOT = "Task_OpenPilot";
    public static final String PLAN_PILOT = "Task_PlanPilot";
    public static final String STORE_PLAN = "Task_StorePilotPlan";
    public static final String TIMER_PILOT_ENDED = "Timer_PilotEnded";
    public static final String COMPUTE_SCORECARD = "Task_ComputePilotScorecard";
    public static final String DECIDE_GO_NO_GO = "Task_DecideGoNoGo";
    public static final String RECORD_DECISION = "Task_RecordPilotDecision";
    public static final String GATEWAY_PILOT_SUCCESSFUL = "Gateway_PilotSuccessful";
    public static final String END_EVENT_GO = "EndEvent_PilotPassed";
    public static final String END_EVENT_NO_GO = "EndEvent_PilotFailed";

    private Elements() {}
  }

  /** Candidate groups the diagram routes work to. */
  public static final class Groups {
    public static final String RELATIONSHIP_MANAGERS = "relationship-managers";
    public static final String EXECUTIVES = "executives";

    private Groups() {}
  }

  // in from the caller
  public static final ProcessVariable<String> VENDOR_ID = ProcessConventions.VENDOR_ID;

  // set when the pilot is opened
  public static final ProcessVariable<String> PILOT_ID = stringVariable("pilotId");
  public static final ProcessVariable<String> RELATIONSHIP_MANAGER =
      stringVariable("relationshipManager");

  /** The vendor's KPI targets as text, shown by the plan form. */
  public static final ProcessVariable<String> KPI_TARGETS = stringVariable("kpiTargets");

  // set by the plan form (numbers arrive as Long from the API, possibly as another Number from
  // Tasklist)
  public static final ProcessVariable<String> SCOPE = stringVariable("pilotScope");
  public static final ProcessVariable<Number> LIVE_VOLUME_SHARE_PERCENT =
      new ProcessVariable<>("liveVolumeSharePercent", Number.class);

  /** An ISO date ({@code 2026-03-02}): the first day of the pilot, UTC. */
  public static final ProcessVariable<String> START_DATE = stringVariable("startDate");

  public static final ProcessVariable<Number> DURATION_DAYS =
      new ProcessVariable<>("durationDays", Number.class);
  public static final ProcessVariable<String> INCUMBENT_VENDOR_CODE =
      stringVariable("incumbentVendorCode");

  /** Set when the plan is stored: start date + duration, 00:00 UTC; the timer fires then. */
  public static final ProcessVariable<Date> PILOT_ENDS_AT = dateVariable("pilotEndsAt");

  /** Set by the scorecard delegate: the scorecard(s) as text, shown by the go/no-go form. */
  public static final ProcessVariable<String> PILOT_COMPARISON = stringVariable("pilotComparison");

  // set by the go/no-go form
  public static final ProcessVariable<String> DECISION = stringVariable("decision");
  public static final ProcessVariable<String> DECISION_REASON = stringVariable("decisionReason");

  /** Out to the caller: {@value #GO} or {@value #NO_GO}, set when the decision is recorded. */
  public static final ProcessVariable<String> PILOT_OUTCOME = stringVariable("pilotOutcome");

  /** Set by {@code rememberPilotCompleterListener}: who completed the last user task. */
  public static final ProcessVariable<String> LAST_COMPLETED_BY = stringVariable("lastCompletedBy");

  private PilotProcess() {}
}
