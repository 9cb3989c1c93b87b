package dev.steward.platform;

import static dev.steward.support.BenchResults.round;
import static dev.steward.support.BenchResults.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.StewardApplication;
import dev.steward.support.BenchPostgres;
import dev.steward.support.BenchResults;
import dev.steward.support.TestProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Async continuations and timers per second with one node, then with two nodes on the same
 * database: two application contexts in this JVM (as two servers would be, minus the second
 * machine), each with its own engine and job executor as application.yaml configures it. Each round
 * starts {@code -Dbench.jobInstances} instances (default 1000) of a process with an async service
 * task, a due timer and another async service task (three jobs each, no-op work) while the
 * executors are stopped, then starts the executors and measures until all instances have ended.
 * Extra node properties: {@code -Dbench.node.properties=key=value;key=value}. Both nodes share the
 * machine's cores, so the ratio shows contention on the database and the CPU, not a second machine.
 * It asserts only that the work was done.
 */
class JobNodesBenchmark {

  private static final String KEY = "BenchJobs";

  @Test
  void jobsPerSecondOnOneAndOnTwoNodes() throws Exception {
    int instances = Integer.getInteger("bench.jobInstances", 1000);
    String url = BenchPostgres.newDatabase();
    ConfigurableApplicationContext first = node(url, "node1");
    ConfigurableApplicationContext second = node(url, "node2");
    try {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      JobExecutor a = executor(first);
      JobExecutor b = executor(second);
      a.shutdown();
      b.shutdown();
      engine
          .getRepositoryService()
          .createDeployment()
          .name("benchmark")
          .addModelInstance(
              "bench-jobs.bpmn",
              Bpmn.createExecutableProcess(KEY)
                  .camundaHistoryTimeToLive(180)
                  .startEvent()
                  .serviceTask("first")
                  .camundaAsyncBefore()
                  .camundaExpression("${true}")
                  .intermediateCatchEvent("due")
                  .timerWithDuration("PT0S")
                  .serviceTask("second")
                  .camundaAsyncBefore()
                  .camundaExpression("${true}")
                  .endEvent()
                  .done())
          .deploy();

      // a full warm-up round on both nodes, not measured: a shorter one left the JIT still
      // compiling during the first measured round (one node), which flattered the second
      double warmup = runRound(engine, instances, List.of(a, b)).seconds();
      Round oneRound = runRound(engine, instances, List.of(a));
      Round twoRound = runRound(engine, instances, List.of(a, b));
      double one = oneRound.seconds();
      double two = twoRound.seconds();
      // the same node with the engine's own acquisition size (3 jobs), for comparison
      int configured = a.getMaxJobsPerAcquisition();
      a.setMaxJobsPerAcquisition(3);
      double oneEngineDefault = runRound(engine, instances, List.of(a)).seconds();
      a.setMaxJobsPerAcquisition(configured);
      double oneRate = 3.0 * instances / one;
      double twoRate = 3.0 * instances / two;
      Environment env = first.getEnvironment();
      Map<String, Object> settings = new LinkedHashMap<>();
      for (String key :
          List.of(
              "core-pool-size",
              "max-pool-size",
              "queue-capacity",
              "max-jobs-per-acquisition",
              "wait-time-in-millis",
              "max-wait",
              "lock-time-in-millis")) {
        settings.put(key, env.getProperty("camunda.bpm.job-execution." + key, "(default)"));
      }
      settings.put(
          "hikari.maximum-pool-size",
          env.getProperty("spring.datasource.hikari.maximum-pool-size", "(default 10)"));
      Map<String, Object> result =
          row(
              "instances",
              instances,
              "jobsPerRound",
              3 * instances,
              "oneNodeJobsPerSecond",
              round(oneRate),
              "twoNodesJobsPerSecond",
              round(twoRate),
              "twoToOneRatio",
              round(twoRate / oneRate),
              "oneNodeThreePerAcquisitionJobsPerSecond",
              round(3.0 * instances / oneEngineDefault),
              "machineCpuBusyOneNode",
              round(oneRound.cpuBusy()),
              "machineCpuBusyTwoNodes",
              round(twoRound.cpuBusy()),
              "goal",
              ">= 1.6");
      BenchResults.print("Jobs and timers, one node vs two nodes on one database", List.of(result));
      System.out.println("job executor settings: " + settings + " (warm-up " + warmup + " s)");
      Map<String, Object> written = new LinkedHashMap<>(result);
      written.put("settings", settings);
      BenchResults.write("jobNodes", written);
      assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(KEY).count())
          .isZero();
    } finally {
      second.close();
      first.close();
    }
  }

  /**
   * One round: its seconds, and how busy the machine's CPUs were meanwhile (0..1, all processes:
   * both nodes, PostgreSQL, the rest; from /proc/stat, -1 where that is not readable). A second
   * node can only add throughput if the first left CPU idle.
   */
  record Round(double seconds, double cpuBusy) {}

  /** The executors run every job of {@code instances} new instances. */
  private static Round runRound(ProcessEngine engine, int instances, List<JobExecutor> executors)
      throws InterruptedException {
    for (int i = 0; i < instances; i++) {
      engine.getRuntimeService().startProcessInstanceByKey(KEY);
    }
    assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(KEY).count())
        .isEqualTo(instances);
    long[] cpuBefore = cpuTicks();
    long start = System.nanoTime();
    executors.forEach(JobExecutor::start);
    long deadline = start + 600_000_000_000L;
    while (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()
        > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("jobs not done after 10 minutes");
      }
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] cpuAfter = cpuTicks();
    executors.forEach(JobExecutor::shutdown);
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processDefinitionKey(KEY)
                .withException()
                .count())
        .isZero();
    double busy = -1;
    if (cpuBefore != null && cpuAfter != null && cpuAfter[1] > cpuBefore[1]) {
      busy = (double) (cpuAfter[0] - cpuBefore[0]) / (cpuAfter[1] - cpuBefore[1]);
    }
    return new Round(seconds, busy);
  }

  /** Busy and total CPU ticks of the machine so far (first line of /proc/stat), or null. */
  private static long[] cpuTicks() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      // idle and iowait are not busy
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static JobExecutor executor(ConfigurableApplicationContext context) {
    return ((ProcessEngineConfigurationImpl)
            context.getBean(ProcessEngine.class).getProcessEngineConfiguration())
        .getJobExecutor();
  }

  private static ConfigurableApplicationContext node(String url, String name) {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "server.port=0",
                "camunda.bpm.process-engine-name=" + name,
                "camunda.bpm.job-execution.enabled=true",
                "spring.jmx.enabled=false",
                TestProperties.NO_DEMO,
                TestProperties.ADMIN_PASSWORD));
    for (String extra : System.getProperty("bench.node.properties", "").split(";")) {
      if (!extra.isBlank()) {
        properties.add(extra.trim());
      }
    }
    return new SpringApplicationBuilder(StewardApplication.class)
        .profiles("postgres")
        // as command-line arguments: they win over application-postgres.yaml
        .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
  }
}
