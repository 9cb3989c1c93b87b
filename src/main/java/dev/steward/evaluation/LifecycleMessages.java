package dev.steward.evaluation;

import dev.steward.vendor.VendorLifecycleProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Tells each candidate's lifecycle (process {@code VendorLifecycle}, business key = vendor id) the
 * outcome of a round: {@code Msg_VendorSelectedForPilot} or {@code Msg_VendorNotSelected}, with the
 * reason and the round id. A vendor whose lifecycle is not waiting for the message (or has none) is
 * skipped without failing: {@code correlateAllWithResult} correlates with whatever waits.
 */
@Component
class LifecycleMessages {

  private final RuntimeService runtimeService;

  LifecycleMessages(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
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
    int received = 0;
    // the builder has no definition-key filter: pick the vendor's lifecycle instances by key first
    for (ProcessInstance lifecycle :
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(VendorLifecycleProcess.PROCESS_KEY)
            .processInstanceBusinessKey(vendorId)
            .list()) {
      received +=
          runtimeService
              .createMessageCorrelation(message)
              .processInstanceId(lifecycle.getId())
              .setVariable(VendorLifecycleProcess.SELECTION_REASON.name(), reason)
              .setVariable(VendorLifecycleProcess.EVALUATION_ROUND_ID.name(), roundId)
              .correlateAllWithResult()
              .size();
    }
    return received;
  }
}
