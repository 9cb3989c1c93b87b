package dev.steward.evaluation;

import dev.steward.vendor.VendorLifecycleMessages;
import dev.steward.vendor.VendorLifecycleProcess;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells each candidate's lifecycle (process {@code VendorLifecycle}, business key = vendor id) the
 * outcome of a round: {@code Msg_VendorSelectedForPilot} or {@code Msg_VendorNotSelected}, with the
 * reason and the round id. A vendor whose lifecycle is not waiting for the message (or has none) is
 * skipped without failing: {@code correlateAllWithResult} correlates with whatever waits.
 */
@Component
class LifecycleMessages {

  private final VendorLifecycleMessages lifecycles;

  LifecycleMessages(VendorLifecycleMessages lifecycles) {
    this.lifecycles = lifecycles;
  }

  /** Returns how many lifecycle instances received a message. */
  int tell(String roundId, EvaluationService.PilotSelection selection, String reason) {
    int received = 0;
    for (String vendorId : selection.selected()) {
      received +=
          correlate(VendorLifecycleProcess.MSG_SELECTED_FOR_PILOT, vendorId, roundId, reason);
    }
    for (String vendorId : selection.notSelected()) {
      received += correlate(VendorLifecycleProcess.MSG_NOT_SELECTED, vendorId, roundId, reason);
    }
    return received;
  }

  private int correlate(String message, String vendorId, String roundId, String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(VendorLifecycleProcess.SELECTION_REASON.name(), reason);
    variables.put(VendorLifecycleProcess.EVALUATION_ROUND_ID.name(), roundId);
    return lifecycles.tell(message, vendorId, variables);
  }
}
