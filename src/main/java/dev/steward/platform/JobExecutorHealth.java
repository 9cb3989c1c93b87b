package dev.steward.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code jobExecutor} component of {@code /actuator/health} (operations.md): UP while the job
 * executor runs (it executes async continuations, timers and retries); DOWN when this node is
 * configured to execute jobs but its executor is not running (nothing async would ever happen). A
 * node configured without a job executor ({@code camunda.bpm.job-execution.enabled=false}, e.g. a
 * web-only node of a cluster) is UP with {@code executing: false}. The details (only administrators
 * see them) count executable jobs, jobs out of retries and open incidents by type. Replaces the
 * starter's indicator of the same name, which does not exist when job execution is disabled.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth extends AbstractHealthIndicator {

  private final ProcessEngineConfigurationImpl configuration;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final boolean enabled;

  JobExecutorHealth(
      ProcessEngineConfigurationImpl configuration,
      ManagementService managementService,
      RuntimeService runtimeService,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    super("Job executor health check failed");
    this.configuration = configuration;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.enabled = enabled;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    JobExecutor executor = configuration.getJobExecutor();
    boolean active = executor != null && executor.isActive();
    if (enabled && !active) {
      health.down();
    } else {
      health.up();
    }
    health.withDetail("enabled", enabled).withDetail("executing", active);
    if (executor != null) {
      health
          .withDetail("lockOwner", String.valueOf(executor.getLockOwner()))
          .withDetail("lockTimeMillis", executor.getLockTimeInMillis())
          .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
    }
    health
        .withDetail("executableJobs", managementService.createJobQuery().executable().count())
        .withDetail(
            "jobsWithoutRetries", managementService.createJobQuery().noRetriesLeft().count());
    Map<String, Long> incidents = new LinkedHashMap<>();
    for (String type : EngineMetrics.INCIDENT_TYPES) {
      incidents.put(type, runtimeService.createIncidentQuery().incidentType(type).count());
    }
    incidents.put("all", runtimeService.createIncidentQuery().count());
    health.withDetail("openIncidents", incidents);
  }
}
