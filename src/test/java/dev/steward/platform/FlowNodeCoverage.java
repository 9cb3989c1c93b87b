package dev.steward.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Flow-node coverage of one BPMN process across all tests of a test class.
 *
 * <p>Register it <em>after</em> the {@code ProcessEngineExtension} so that JUnit runs its
 * after-test callback first (after-callbacks run in reverse registration order), i.e. while the
 * test's deployment and its history still exist:
 *
 * <pre>{@code
 * @RegisterExtension @Order(1)
 * static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();
 *
 * @RegisterExtension @Order(2)
 * static FlowNodeCoverage coverage =
 *     FlowNodeCoverage.of(MyProcess.PROCESS_KEY, "processes/my-process.bpmn", engine::getProcessEngine);
 *
 * @AfterAll
 * static void coverageIsHighEnough() {
 *   coverage.assertAtLeast(0.90);
 * }
 * }</pre>
 *
 * <p>After every test it reads the historic activity instances of every (finished or running)
 * instance of the process and marks their activity ids as covered. {@link #collect(ProcessEngine)}
 * can also be called directly.
 */
public final class FlowNodeCoverage implements AfterTestExecutionCallback {

  private final String processDefinitionKey;
  private final SortedSet<String> flowNodeIds;
  private final Supplier<ProcessEngine> processEngine;
  private final SortedSet<String> covered = new TreeSet<>();

  private FlowNodeCoverage(
      String processDefinitionKey,
      SortedSet<String> flowNodeIds,
      Supplier<ProcessEngine> processEngine) {
    this.processDefinitionKey = processDefinitionKey;
    this.flowNodeIds = Collections.unmodifiableSortedSet(flowNodeIds);
    this.processEngine = processEngine;
  }

  /**
   * Coverage of the process {@code processDefinitionKey} defined in the classpath resource {@code
   * bpmnResource}.
   *
   * @param processEngine where to read history from after each test (e.g. {@code
   *     extension::getProcessEngine})
   */
  public static FlowNodeCoverage of(
      String processDefinitionKey, String bpmnResource, Supplier<ProcessEngine> processEngine) {
    Objects.requireNonNull(processDefinitionKey);
    Objects.requireNonNull(processEngine);
    BpmnModelInstance model = readModel(bpmnResource);
    if (!(model.getModelElementById(processDefinitionKey) instanceof Process)) {
      throw new IllegalArgumentException(
          "No process '" + processDefinitionKey + "' in " + bpmnResource);
    }
    SortedSet<String> ids = new TreeSet<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (processDefinitionKey.equals(owningProcessId(node))) {
        ids.add(node.getId());
      }
    }
    return new FlowNodeCoverage(processDefinitionKey, ids, processEngine);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    collect(processEngine.get());
  }

  /**
   * Marks every activity that an instance of the process has passed (or is waiting in) as covered.
   */
  public void collect(ProcessEngine engine) {
    HistoryService history = engine.getHistoryService();
    for (HistoricProcessInstance instance :
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(processDefinitionKey)
            .list()) {
      for (HistoricActivityInstance activity :
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(instance.getId())
              .list()) {
        // multi-instance bodies are reported as "<id>#multiInstanceBody"; they are not flow nodes
        // of the model
        if (flowNodeIds.contains(activity.getActivityId())) {
          covered.add(activity.getActivityId());
        }
      }
    }
  }

  public SortedSet<String> flowNodeIds() {
    return flowNodeIds;
  }

  public SortedSet<String> coveredFlowNodeIds() {
    return Collections.unmodifiableSortedSet(covered);
  }

  public SortedSet<String> missedFlowNodeIds() {
    SortedSet<String> missed = new TreeSet<>(flowNodeIds);
    missed.removeAll(covered);
    return missed;
  }

  /** Covered flow nodes / all flow nodes of the process, between 0 and 1. */
  public double ratio() {
    return flowNodeIds.isEmpty() ? 1.0 : (double) covered.size() / flowNodeIds.size();
  }

  public String report() {
    String report =
        String.format(
            Locale.ROOT,
            "Flow-node coverage of %s: %d/%d = %.1f %%",
            processDefinitionKey,
            covered.size(),
            flowNodeIds.size(),
            ratio() * 100);
    SortedSet<String> missed = missedFlowNodeIds();
    return missed.isEmpty() ? report : report + ", not covered: " + missed;
  }

  /**
   * Fails with the report if less than {@code minimum} (e.g. 0.90) of the flow nodes were covered.
   */
  public void assertAtLeast(double minimum) {
    if (ratio() < minimum) {
      throw new AssertionError(
          String.format(Locale.ROOT, "%s; expected at least %.1f %%", report(), minimum * 100));
    }
  }

  private static String owningProcessId(ModelElementInstance element) {
    for (ModelElementInstance parent = element.getParentElement();
        parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof Process process) {
        return process.getId();
      }
    }
    return null;
  }

  private static BpmnModelInstance readModel(String bpmnResource) {
    ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = classLoader.getResourceAsStream(bpmnResource)) {
      if (in == null) {
        throw new IllegalArgumentException("No classpath resource " + bpmnResource);
      }
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
