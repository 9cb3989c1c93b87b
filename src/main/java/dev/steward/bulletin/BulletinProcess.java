package dev.steward.bulletin;

import static dev.steward.platform.ProcessVariable.booleanVariable;
import static dev.steward.platform.ProcessVariable.dateVariable;
import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessConventions;
import dev.steward.platform.ProcessVariable;
import java.util.Date;

/**
 * Everything the code knows about {@code processes/change-bulletin.bpmn}: its key, element ids,
 * groups and typed variables. One instance per (bulletin, vendor): the business key is {@code
 * <bulletinId>:<vendorId>} and {@code vendorId} is set, so the task API shows the acknowledgment
 * only to that vendor's leads.
 */
public final class BulletinProcess {

  public static final String PROCESS_KEY = "ChangeBulletin";

  /** Element ids, as in the diagram. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_BulletinPublished";
    public static final String ACKNOWLEDGE = "Task_AcknowledgeBulletin";
    public static final String RECORD_ACKNOWLEDGMENT = "Task_RecordAcknowledgment";
    public static final String END_EVENT_ACKNOWLEDGED = "EndEvent_BulletinAcknowledged";
    public static final String TIMER_REMINDER = "Timer_AcknowledgmentReminder";
    public static final String SEND_REMINDER = "Task_SendAcknowledgmentReminder";
    public static final String END_EVENT_REMINDER_SENT = "EndEvent_ReminderSent";
    public static final String TIMER_DEADLINE = "Timer_AcknowledgmentDeadline";
    public static final String RECORD_MISSED = "Task_RecordMissedAcknowledgment";
    public static final String END_EVENT_MISSED = "EndEvent_AcknowledgmentMissed";

    private Elements() {}
  }

  /** Candidate groups the diagram routes work to. */
  public static final class Groups {
    public static final String BPO_LEADS = "bpo-leads";

    private Groups() {}
  }

  /** The business key of the instance for one addressed vendor. */
  public static String businessKey(String bulletinId, String vendorId) {
    return bulletinId + ":" + vendorId;
  }

  // set when the process starts
  public static final ProcessVariable<String> BULLETIN_ID = stringVariable("bulletinId");
  public static final ProcessVariable<String> VENDOR_ID = ProcessConventions.VENDOR_ID;

  /** Shown by the form (a bulletin's text is at most 4000 characters: one string variable). */
  public static final ProcessVariable<String> TITLE = stringVariable("bulletinTitle");

  public static final ProcessVariable<String> KIND = stringVariable("bulletinKind");
  public static final ProcessVariable<String> BODY = stringVariable("bulletinBody");

  /** When the change takes effect, as ISO text for the form ("immediately" if not given). */
  public static final ProcessVariable<String> EFFECTIVE_AT = stringVariable("effectiveAt");

  /** The acknowledgment deadline: the task's due date and the interrupting timer. */
  public static final ProcessVariable<Date> ACK_DUE_AT = dateVariable("ackDueAt");

  /** The reminder timer's ISO 8601 cycle, e.g. {@code R3/P1D}. */
  public static final ProcessVariable<String> REMINDER_CYCLE = stringVariable("reminderCycle");

  // set by the acknowledgment form
  public static final ProcessVariable<Boolean> ACKNOWLEDGED = booleanVariable("acknowledged");
  public static final ProcessVariable<String> ACK_COMMENT = stringVariable("ackComment");

  /** Set by {@code rememberAcknowledgerListener}: who completed the acknowledgment. */
  public static final ProcessVariable<String> ACKNOWLEDGED_BY = stringVariable("acknowledgedBy");

  private BulletinProcess() {}
}
