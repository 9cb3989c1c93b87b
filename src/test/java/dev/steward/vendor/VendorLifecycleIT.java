package dev.steward.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Api;
import dev.steward.support.TestWorld;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Registering a vendor starts its lifecycle process at the vendor's phase, and the process (not the
 * API) moves the phase on; vendors registered before lifecycles existed get one on start.
 */
abstract class VendorLifecycleIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired LifecycleBackfill backfill;
  @Autowired JdbcTemplate jdbc;

  Api api;
  TestWorld world;
  String rm;

  @BeforeEach
  void client() {
    api = new Api(port);
    world = new TestWorld(api);
    rm = world.user("lc-rm", "RELATIONSHIP_MANAGER", null);
  }

  @Test
  void aCandidateWaitsForItsEvaluationAndEndsRejectedWhenNotSelected() {
    String vendorId = register("LC-EVAL", "EVALUATION");

    ProcessInstance lifecycle = lifecycleOf(vendorId);
    assertThat(lifecycle).as("lifecycle of " + vendorId).isNotNull();
    assertThat(runtimeService.getActiveActivityIds(lifecycle.getId()))
        .containsExactly(VendorLifecycleProcess.Elements.GATEWAY_AWAIT_SELECTION);
    Api.Response view = api.get(rm, "/api/vendors/" + vendorId + "/lifecycle");
    assertThat(view.status()).as(view.body()).isEqualTo(200);
    assertThat(view.json().get("active").asBoolean()).isTrue();
    assertThat(view.json().get("currentSteps").get(0).asText()).isEqualTo("Await selection");
    // another vendor's lead cannot see it
    String otherVendor = world.vendor(world.unique("LC-OTHER"), null);
    String lead = world.user("lc-lead", "BPO_LEAD", otherVendor);
    assertThat(api.get(lead, "/api/vendors/" + vendorId + "/lifecycle").status()).isEqualTo(404);

    runtimeService
        .createMessageCorrelation(VendorLifecycleProcess.MSG_NOT_SELECTED)
        .processInstanceBusinessKey(vendorId)
        .setVariable(VendorLifecycleProcess.SELECTION_REASON.name(), "Security gaps")
        .correlate();
    runJobs(vendorId);

    assertThat(phaseOf(vendorId)).isEqualTo("REJECTED");
    assertThat(lifecycleOf(vendorId)).as("lifecycle ended").isNull();
    Api.Response ended = api.get(rm, "/api/vendors/" + vendorId + "/lifecycle");
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(ended.json().get("phase").asText()).isEqualTo("REJECTED");
    assertThat(ended.json().get("active").asBoolean()).isFalse();
    assertThat(ended.json().get("phases").findValuesAsText("phase"))
        .containsExactly("EVALUATION", "REJECTED");
  }

  @Test
  void anOperatingVendorHasItsQaCycleAndSyncTimers() {
    String vendorId = register("LC-OPS", "OPERATING");
    runJobs(vendorId);

    ProcessInstance lifecycle = lifecycleOf(vendorId);
    assertThat(runtimeService.getActiveActivityIds(lifecycle.getId()))
        .contains(VendorLifecycleProcess.Elements.AWAIT_OFFBOARDING);
    Job qaTimer =
        managementService
            .createJobQuery()
            .processInstanceId(lifecycle.getId())
            .activityId(VendorLifecycleProcess.Elements.QA_CYCLE_DUE)
            .singleResult();
    Instant due = qaTimer.getDuedate().toInstant();
    assertThat(due).isAfter(Instant.now());
    assertThat(due.toString()).as("first of a month, 02:00 UTC").endsWith("-01T02:00:00Z");
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(lifecycle.getId())
                .activityId(VendorLifecycleProcess.Elements.VENDOR_SYNC_DUE)
                .count())
        .isEqualTo(1);
    assertThat(phaseOf(vendorId)).isEqualTo("OPERATING");
  }

  @Test
  void aVendorWithoutLifecycleGetsOneOnStart() {
    String vendorId = register("LC-OLD", "EVALUATION");
    // as if registered by an earlier version of Steward: no lifecycle
    runtimeService.deleteProcessInstance(lifecycleOf(vendorId).getId(), "test", true, true);
    jdbc.update(
        "delete from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?",
        vendorId,
        VendorLifecycleProcess.PROCESS_KEY);
    assertThat(lifecycleOf(vendorId)).isNull();

    backfill.run(null);
    backfill.run(null);

    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(VendorLifecycleProcess.PROCESS_KEY)
                .processInstanceBusinessKey(vendorId)
                .count())
        .as("started once, however often the backfill runs")
        .isEqualTo(1);
  }

  private String register(String code, String phase) {
    Map<String, Object> body = TestWorld.vendorBody(world.unique(code));
    body.put("lifecyclePhase", phase);
    Api.Response created = api.post(rm, "/api/vendors", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private ProcessInstance lifecycleOf(String vendorId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(VendorLifecycleProcess.PROCESS_KEY)
        .processInstanceBusinessKey(vendorId)
        .singleResult();
  }

  private String phaseOf(String vendorId) {
    Api.Response vendor = api.get(rm, "/api/vendors/" + vendorId);
    assertThat(vendor.status()).as(vendor.body()).isEqualTo(200);
    return vendor.json().get("lifecyclePhase").asText();
  }

  /**
   * The job executor is off in the tests: run the lifecycle's async continuations (not its timers)
   * as the executor would.
   */
  private void runJobs(String vendorId) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs =
          managementService
              .createJobQuery()
              .processInstanceId(
                  runtimeService
                      .createProcessInstanceQuery()
                      .processDefinitionKey(VendorLifecycleProcess.PROCESS_KEY)
                      .processInstanceBusinessKey(vendorId)
                      .list()
                      .stream()
                      .findFirst()
                      .map(ProcessInstance::getId)
                      .orElse("none"))
              .messages()
              .executable()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("async jobs keep coming");
  }
}
