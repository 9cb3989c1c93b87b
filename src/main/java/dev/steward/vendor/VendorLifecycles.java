package dev.steward.vendor;

import static dev.steward.vendor.VendorLifecycleProcess.ENTRY_PHASE;
import static dev.steward.vendor.VendorLifecycleProcess.PROCESS_KEY;

import dev.steward.platform.ProcessConventions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The only place that starts a vendor's lifecycle process (house style: one factory per process).
 */
@Component
class VendorLifecycles {

  /** The activities that are a step someone waits on, as opposed to gateways and scopes. */
  private static final java.util.Set<String> STEP_TYPES =
      java.util.Set.of(
          "userTask",
          "serviceTask",
          "callActivity",
          "receiveTask",
          "eventBasedGateway",
          "intermediateMessageCatch");

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  VendorLifecycles(RuntimeService runtimeService, HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  /** Starts the vendor's lifecycle at its current phase, unless it has one already. */
  boolean start(Vendor vendor) {
    if (vendor.getLifecyclePhase().isFinal() || exists(vendor.getId())) {
      return false;
    }
    VariableMap variables = Variables.createVariables();
    ProcessConventions.VENDOR_ID.on(variables, vendor.getId());
    ENTRY_PHASE.on(variables, vendor.getLifecyclePhase().name());
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, vendor.getId(), variables);
    return true;
  }

  LifecycleView view(Vendor vendor, java.util.List<LifecycleView.PhaseEntry> phases) {
    var instance =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(vendor.getId())
            .orderByProcessInstanceStartTime()
            .desc()
            .listPage(0, 1)
            .stream()
            .findFirst();
    java.util.List<String> steps =
        instance
            .filter(i -> i.getEndTime() == null)
            .map(
                i ->
                    historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(i.getId())
                        .unfinished()
                        .orderByHistoricActivityInstanceStartTime()
                        .asc()
                        .list()
                        .stream()
                        .filter(a -> STEP_TYPES.contains(a.getActivityType()))
                        .map(
                            a ->
                                a.getActivityName() == null
                                    ? a.getActivityId()
                                    : a.getActivityName())
                        .toList())
            .orElse(java.util.List.of());
    return new LifecycleView(
        vendor.getId(),
        vendor.getLifecyclePhase(),
        instance.map(i -> i.getId()).orElse(null),
        instance.map(i -> i.getEndTime() == null).orElse(false),
        steps,
        phases);
  }

  /** The ids of the vendors that have (or had) a lifecycle process. */
  java.util.Set<String> vendorsWithLifecycle() {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .list()
        .stream()
        .map(i -> i.getBusinessKey())
        .collect(java.util.stream.Collectors.toSet());
  }

  boolean exists(String vendorId) {
    return historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(vendorId)
            .count()
        > 0;
  }
}
