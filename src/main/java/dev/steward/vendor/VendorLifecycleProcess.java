package dev.steward.vendor;

import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessVariable;

/**
 * What other slices may know about {@code processes/vendor-lifecycle.bpmn}, the parent process per
 * vendor (business key = vendor id): its key and the messages it waits for.
 */
public final class VendorLifecycleProcess {

  public static final String PROCESS_KEY = "VendorLifecycle";

  /** Correlated by an evaluation round to each vendor the executive selected for a pilot. */
  public static final String MSG_SELECTED_FOR_PILOT = "Msg_VendorSelectedForPilot";

  /** Correlated by an evaluation round to each candidate it did not select. */
  public static final String MSG_NOT_SELECTED = "Msg_VendorNotSelected";

  /** The phase a vendor enters Steward in (a brand adopting Steward has running vendors). */
  public static final ProcessVariable<String> ENTRY_PHASE = stringVariable("entryPhase");

  /** Why the executive selected or did not select the vendor, sent with the messages above. */
  public static final ProcessVariable<String> SELECTION_REASON = stringVariable("selectionReason");

  /** Id of the evaluation round that decided, sent with the messages above. */
  public static final ProcessVariable<String> EVALUATION_ROUND_ID =
      stringVariable("evaluationRoundId");

  private VendorLifecycleProcess() {}
}
