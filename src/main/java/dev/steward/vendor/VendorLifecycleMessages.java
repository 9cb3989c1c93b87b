package dev.steward.vendor;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * How other slices tell a vendor's lifecycle what happened (selection, transition approval,
 * cut-over): the message goes to the running {@code VendorLifecycle} instance with the vendor id as
 * business key. The correlation builder has no definition-key filter, so the instances are picked
 * by key first. A vendor whose lifecycle does not wait for the message is skipped, not an error.
 */
@Component
public class VendorLifecycleMessages {

  private final RuntimeService runtimeService;

  public VendorLifecycleMessages(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Returns how many lifecycle executions received the message. */
  public int tell(String message, String vendorId, Map<String, Object> variables) {
    int received = 0;
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
              .setVariables(variables)
              .correlateAllWithResult()
              .size();
    }
    return received;
  }
}
