package dev.steward.platform;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The process engine in {@code /actuator/prometheus} (operations.md): Camunda's own engine metrics
 * as counters (what this node counted since the engine started plus what every node reported to the
 * database, so the same value on every node of a cluster) and the state of the job executor's work
 * as gauges (open incidents by type, executable jobs, jobs out of retries). Values are read when
 * Prometheus scrapes; each scrape costs a few indexed count queries.
 */
@Component
class EngineMetrics implements MeterBinder {

  /** The incident types the engine raises by itself. */
  static final List<String> INCIDENT_TYPES = List.of("failedJob", "failedExternalTask");

  /** Engine metric (Camunda name) → meter name; Prometheus adds {@code _total}. */
  static final Map<String, String> ENGINE_COUNTERS =
      Map.ofEntries(
          Map.entry(Metrics.JOB_ACQUISITION_ATTEMPT, "camunda.job.acquisition.attempt"),
          Map.entry(Metrics.JOB_ACQUIRED_SUCCESS, "camunda.job.acquired.success"),
          Map.entry(Metrics.JOB_ACQUIRED_FAILURE, "camunda.job.acquired.failure"),
          Map.entry(Metrics.JOB_SUCCESSFUL, "camunda.job.successful"),
          Map.entry(Metrics.JOB_FAILED, "camunda.job.failed"),
          Map.entry(Metrics.JOB_LOCKED_EXCLUSIVE, "camunda.job.locked.exclusive"),
          Map.entry(Metrics.JOB_EXECUTION_REJECTED, "camunda.job.execution.rejected"),
          Map.entry(Metrics.ACTIVTY_INSTANCE_START, "camunda.activity.instance.start"),
          Map.entry(Metrics.ACTIVTY_INSTANCE_END, "camunda.activity.instance.end"),
          Map.entry(Metrics.EXECUTED_DECISION_ELEMENTS, "camunda.executed.decision.elements"),
          Map.entry(Metrics.EXECUTED_DECISION_INSTANCES, "camunda.executed.decision.instances"),
          Map.entry(Metrics.ROOT_PROCESS_INSTANCE_START, "camunda.root.process.instance.start"));

  private final ProcessEngineConfigurationImpl configuration;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;

  EngineMetrics(
      ProcessEngineConfigurationImpl configuration,
      ManagementService managementService,
      RuntimeService runtimeService) {
    this.configuration = configuration;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    ENGINE_COUNTERS.forEach(
        (engineName, meterName) ->
            FunctionCounter.builder(meterName, this, m -> m.count(engineName))
                .description("Camunda engine metric '" + engineName + "'")
                .register(registry));
    for (String type : INCIDENT_TYPES) {
      Gauge.builder(
              "camunda.incidents.open",
              runtimeService,
              r -> r.createIncidentQuery().incidentType(type).count())
          .description("Open incidents of the type (a job or external task out of retries)")
          .tag("type", type)
          .register(registry);
    }
    Gauge.builder(
            "camunda.jobs.executable",
            managementService,
            m -> m.createJobQuery().executable().count())
        .description("Jobs due for execution (async continuations, due timers, retries)")
        .register(registry);
    Gauge.builder(
            "camunda.jobs.without.retries",
            managementService,
            m -> m.createJobQuery().noRetriesLeft().count())
        .description("Jobs out of retries (each has an incident)")
        .register(registry);
    Gauge.builder(
            "camunda.job.executor.active",
            configuration,
            c -> c.getJobExecutor() != null && c.getJobExecutor().isActive() ? 1 : 0)
        .description("1 while this node's job executor runs")
        .register(registry);
  }

  /** Reported to the database (all nodes) plus counted here and not yet reported. */
  private double count(String engineName) {
    long reported = managementService.createMetricsQuery().name(engineName).sum();
    long pending = 0;
    if (configuration.getMetricsRegistry() != null) {
      Meter meter = configuration.getMetricsRegistry().getDbMeterByName(engineName);
      if (meter != null) {
        pending = meter.get();
      }
    }
    return reported + pending;
  }
}
