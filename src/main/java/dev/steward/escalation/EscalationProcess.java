package dev.steward.escalation;

import static dev.steward.platform.ProcessVariable.booleanVariable;
import static dev.steward.platform.ProcessVariable.dateVariable;
import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessVariable;
import java.util.Date;

/**
 * Everything the code knows about {@code processes/escalation.bpmn}: its key, element ids, groups
 * and typed variables. Nothing else names them by string. The business key is the escalation id.
 */
public final class EscalationProcess {

  public static final String PROCESS_KEY = "Escalation";
  public static final String SLA_DECISION_KEY = "EscalationSla";

  /** Element ids, as in the diagram. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_EscalationFiled";
    public static final String DETERMINE_SLA = "Task_DetermineResponseSla";
    public static final String CHECK_BUSINESS_HOURS = "Task_CheckBusinessHours";
    public static final String TRIAGE_SUBPROCESS = "SubProcess_Triage";
    public static final String GATEWAY_WITHIN_BUSINESS_HOURS = "Gateway_WithinBusinessHours";
    public static final String TRIAGE = "Task_TriageEscalation";
    public static final String TRIAGE_ON_CALL = "Task_TriageOnCall";
    public static final String TIMER_REMINDER = "Timer_ResponseReminder";
    public static final String SEND_REMINDER = "Task_SendResponseReminder";
    public static final String TIMER_RESPONSE_BREACHED = "Timer_ResponseSlaBreached";
    public static final String RECORD_RESPONSE_BREACH = "Task_RecordResponseBreach";
    public static final String TRIAGE_AS_EXECUTIVE = "Task_TriageAsExecutive";
    public static final String RECORD_FIRST_RESPONSE = "Task_RecordFirstResponse";
    public static final String RESOLVE = "Task_ResolveEscalation";
    public static final String TIMER_RESOLUTION_BREACHED = "Timer_ResolutionSlaBreached";
    public static final String RECORD_RESOLUTION_BREACH = "Task_RecordResolutionBreach";
    public static final String RECORD_RESOLUTION = "Task_RecordResolution";
    public static final String CONFIRM_RESOLUTION = "Task_ConfirmResolution";
    public static final String TIMER_CONFIRMATION_EXPIRED = "Timer_ConfirmationExpired";
    public static final String GATEWAY_RESOLUTION_ACCEPTED = "Gateway_ResolutionAccepted";
    public static final String REOPEN = "Task_ReopenEscalation";
    public static final String CLOSE = "Task_CloseEscalation";
    public static final String END_EVENT_CLOSED = "EndEvent_EscalationClosed";

    private Elements() {}
  }

  /** Candidate groups the diagram routes work to. */
  public static final class Groups {
    public static final String RELATIONSHIP_MANAGERS = "relationship-managers";
    public static final String ON_CALL = "on-call";
    public static final String EXECUTIVES = "executives";

    private Groups() {}
  }

  /** Values of the confirmation form's {@code decision} field. */
  public static final String DECISION_ACCEPTED = "ACCEPTED";

  public static final String DECISION_REJECTED = "REJECTED";

  // set when the process starts
  public static final ProcessVariable<String> ESCALATION_ID = stringVariable("escalationId");
  public static final ProcessVariable<String> VENDOR_ID =
      dev.steward.platform.ProcessConventions.VENDOR_ID;
  public static final ProcessVariable<String> SEVERITY = stringVariable("severity");
  public static final ProcessVariable<String> FILED_BY = stringVariable("filedBy");
  public static final ProcessVariable<String> RELATIONSHIP_MANAGER =
      stringVariable("relationshipManager");

  // set by the SLA and routing delegates
  public static final ProcessVariable<Date> RESPONSE_DUE_AT = dateVariable("responseDueAt");
  public static final ProcessVariable<Date> RESPONSE_REMINDER_AT =
      dateVariable("responseReminderAt");
  public static final ProcessVariable<Date> RESOLUTION_DUE_AT = dateVariable("resolutionDueAt");
  public static final ProcessVariable<Boolean> WITHIN_BUSINESS_HOURS =
      booleanVariable("withinBusinessHours");

  // set by the user task forms
  public static final ProcessVariable<String> RESPONSE = stringVariable("response");
  public static final ProcessVariable<String> RESOLUTION = stringVariable("resolution");
  public static final ProcessVariable<String> ROOT_CAUSE = stringVariable("rootCause");
  public static final ProcessVariable<String> ROOT_CAUSE_DETAIL = stringVariable("rootCauseDetail");
  public static final ProcessVariable<String> DECISION = stringVariable("decision");
  public static final ProcessVariable<String> FEEDBACK = stringVariable("feedback");

  /**
   * Set by {@code rememberCompleterListener} when a triage or resolution task completes: who did
   * it.
   */
  public static final ProcessVariable<String> LAST_COMPLETED_BY = stringVariable("lastCompletedBy");

  private EscalationProcess() {}
}
