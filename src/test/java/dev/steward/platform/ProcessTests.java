package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** What every process test asks of the in-memory engine, written once. */
public final class ProcessTests {

  private ProcessTests() {}

  /** The key of the task's Camunda Form, which must be bound to its latest deployment. */
  public static String formKeyOf(ProcessEngine engine, Task task) {
    Task withFormKey =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskId(task.getId())
            .initializeFormKeys()
            .singleResult();
    assertThat(withFormKey.getCamundaFormRef())
        .as("Camunda form reference of %s", task.getTaskDefinitionKey())
        .isNotNull();
    assertThat(withFormKey.getCamundaFormRef().getBinding()).isEqualTo("latest");
    return withFormKey.getCamundaFormRef().getKey();
  }

  /** The deployed Camunda Form of the task, as JSON text. */
  public static String deployedFormOf(ProcessEngine engine, Task task) {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The candidate groups of the task. */
  public static List<String> candidateGroupsOf(ProcessEngine engine, Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  /** How often the instance passed the activity (from history). */
  public static long passCount(ProcessEngine engine, ProcessInstance instance, String activityId) {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .count();
  }

  /** The value of the instance's variable in history, or {@code null} if it never had it. */
  public static Object historicVariable(
      ProcessEngine engine, ProcessInstance instance, String name) {
    HistoricVariableInstance variable =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(name)
            .singleResult();
    return variable == null ? null : variable.getValue();
  }

  /** The one async continuation (not a timer) waiting before the activity. */
  public static Job asyncJob(ProcessEngine engine, ProcessInstance instance, String activityId) {
    Job job =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .messages()
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("async job before %s", activityId).isNotNull();
    return job;
  }
}
