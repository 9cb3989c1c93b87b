package dev.steward.reliability;

import static dev.steward.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.Api;
import dev.steward.support.PostgresIntegrationTest;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Actuator health and Prometheus metrics (operations.md "Health and metrics"): the public health
 * shows the status only; an administrator sees the database and the job executor; Prometheus
 * metrics are for administrators and carry the request, job-executor, incident and import metrics.
 */
@PostgresIntegrationTest
@Tag("reliability")
class OperationsEndpointsIT {

  @LocalServerPort int port;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  Api api;
  TestWorld world;

  @BeforeEach
  void client() {
    api = new Api(port);
    world = new TestWorld(api);
  }

  @Test
  void publicHealthShowsTheStatusOnly() {
    Api.Response health = api.get(null, "/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    assertThat(health.json().has("components")).as(health.body()).isFalse();
    assertThat(health.body()).doesNotContain("openIncidents", "jdbc", "PostgreSQL");
    // the probes for orchestrators are open too
    assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(200);
  }

  @Test
  void anAdministratorSeesTheDatabaseAndTheJobExecutor() {
    Api.Response health = api.get(TestProperties.ADMIN, "/actuator/health");
    assertThat(health.status()).as(health.body()).isEqualTo(200);
    JsonNode components = health.json().path("components");
    assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("db").path("details").path("database").asText())
        .isEqualTo("PostgreSQL");
    JsonNode jobExecutor = components.path("jobExecutor");
    // the tests run without a job executor (they run jobs themselves): a node configured so is UP
    assertThat(jobExecutor.path("status").asText()).as(health.body()).isEqualTo("UP");
    assertThat(jobExecutor.path("details").path("enabled").asBoolean()).isFalse();
    assertThat(jobExecutor.path("details").path("executing").asBoolean()).isFalse();
    assertThat(jobExecutor.path("details").path("openIncidents").has("failedJob")).isTrue();
    assertThat(jobExecutor.path("details").has("executableJobs")).isTrue();

    // anyone else: the status only
    String rm = world.user("ops-rm", "RELATIONSHIP_MANAGER", null);
    Api.Response asRm = api.get(rm, "/actuator/health");
    assertThat(asRm.status()).isEqualTo(200);
    assertThat(asRm.json().has("components")).isFalse();
  }

  @Test
  void aNodeConfiguredToExecuteJobsWhoseExecutorIsNotRunningIsDown() throws Exception {
    // the indicator as a node with camunda.bpm.job-execution.enabled=true builds it; the executor
    // of this test context is not running
    var constructor =
        Class.forName("dev.steward.platform.JobExecutorHealth")
            .getDeclaredConstructor(
                ProcessEngineConfigurationImpl.class,
                ManagementService.class,
                RuntimeService.class,
                boolean.class);
    constructor.setAccessible(true);
    HealthIndicator enabledButStopped =
        (HealthIndicator)
            constructor.newInstance(configuration, managementService, runtimeService, true);
    Health health = enabledButStopped.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("enabled", true)
        .containsEntry("executing", false);
  }

  @Test
  void prometheusIsForAdministratorsOnly() {
    assertProblem(api.get(null, "/actuator/prometheus"), 401);
    String rm = world.user("ops-rm2", "RELATIONSHIP_MANAGER", null);
    assertProblem(api.get(rm, "/actuator/prometheus"), 403);
    // and no other actuator endpoint is open, to anyone
    for (String path : new String[] {"/actuator/env", "/actuator/metrics", "/actuator/beans"}) {
      assertThat(api.get(TestProperties.ADMIN, path).status()).as(path).isIn(403, 404);
    }
  }

  @Test
  void prometheusCarriesRequestJobExecutorIncidentAndImportMetrics() {
    String vendor = world.vendor("OPS-MET", null);
    // one accepted and one refused import, so the import metrics have values
    String header =
        "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,"
            + "wait_seconds,abandoned,csat,nps,ces\n";
    Api.Response accepted =
        api.send(
            TestProperties.ADMIN,
            "POST",
            "/api/vendors/" + vendor + "/interactions",
            header + "M-1,agent.1,PHONE,2026-07-01T09:15:00Z,310,true,12,false,5,9,6\n",
            "text/csv",
            Map.of());
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    Api.Response refused =
        api.send(
            TestProperties.ADMIN,
            "POST",
            "/api/vendors/" + vendor + "/interactions",
            header + "M-2,agent.1,PIGEON,yesterday,-1,maybe,12,false,5,9,6\n",
            "text/csv",
            Map.of());
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);

    Api.Response scrape = api.get(TestProperties.ADMIN, "/actuator/prometheus");
    assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
    assertThat(scrape.contentType()).startsWith("text/plain");
    String metrics = scrape.body();
    assertThat(metrics)
        .contains("http_server_requests_seconds_count{")
        .contains("camunda_job_acquisition_attempt_total")
        .contains("camunda_job_successful_total")
        .contains("camunda_job_failed_total")
        .contains("camunda_executed_decision_elements_total")
        .contains("camunda_activity_instance_start_total")
        .contains("camunda_incidents_open{application=\"steward\",type=\"failedJob\"}")
        .contains("camunda_jobs_executable")
        .contains("camunda_jobs_without_retries")
        .contains("camunda_job_executor_active")
        .contains("steward_import_rows_total{application=\"steward\",outcome=\"accepted\"}")
        .contains("steward_import_rows_total{application=\"steward\",outcome=\"refused\"}")
        .contains(
            "steward_import_duration_seconds_count{application=\"steward\",outcome=\"accepted\"}")
        .contains("hikaricp_connections_active");
    assertThat(
            value(
                metrics, "steward_import_rows_total{application=\"steward\",outcome=\"accepted\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            value(
                metrics, "steward_import_rows_total{application=\"steward\",outcome=\"refused\"}"))
        .isGreaterThanOrEqualTo(1);
    // the engine counts what it did: activities started by the vendor's lifecycle at least
    assertThat(value(metrics, "camunda_activity_instance_start_total{application=\"steward\"}"))
        .isGreaterThan(0);
  }

  private static double value(String metrics, String series) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series));
  }
}
