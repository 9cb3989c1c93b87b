package dev.steward.demo;

import dev.steward.vendor.VendorLifecycleProcess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Lets the demo world settle at once instead of a few seconds later: runs the async continuations
 * (never the timers) of a vendor's lifecycle and of every process it called, as the job executor
 * would.
 */
@Component
class DemoProcesses {

  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  DemoProcesses(RuntimeService runtimeService, ManagementService managementService) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  /** Runs the pending async steps of the vendor's lifecycle tree until none is left. */
  void settle(String vendorId) {
    int failed = 0;
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = new ArrayList<>();
      for (String instanceId : lifecycleTree(vendorId)) {
        jobs.addAll(
            managementService
                .createJobQuery()
                .processInstanceId(instanceId)
                .messages()
                .executable()
                .list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          managementService.executeJob(job.getId());
        } catch (ProcessEngineException e) {
          // the job executor took it at the same moment, or it failed and will be retried by the
          // executor (an incident after its retries, as for any job): the demo goes on
          failed++;
        }
      }
      if (failed > 100) {
        return;
      }
    }
  }

  /** The vendor's lifecycle instance and, transitively, the instances it called. */
  List<String> lifecycleTree(String vendorId) {
    List<String> ids = new ArrayList<>();
    runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(VendorLifecycleProcess.PROCESS_KEY)
        .processInstanceBusinessKey(vendorId)
        .list()
        .forEach(instance -> ids.add(instance.getId()));
    for (int i = 0; i < ids.size(); i++) {
      for (ProcessInstance child :
          runtimeService.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()) {
        ids.add(child.getId());
      }
    }
    return ids;
  }
}
