package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lists of ids are stored as JSON (Spin) and drive a multi-instance activity: the engine's Java
 * serialization stays off.
 */
class ListVariableTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  static final ProcessVariable<List<String>> IDS = ProcessVariable.stringListVariable("ids");

  private String deploymentId;

  @AfterEach
  void undeploy() {
    if (deploymentId != null) {
      extension.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void aStringListIsStoredAsJsonAndDrivesAMultiInstanceTask() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("ListVariableCheck")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_PerId")
            .multiInstance()
            .camundaCollection("${ids}")
            .camundaElementVariable("id")
            .multiInstanceDone()
            .endEvent()
            .done();
    ProcessEngine engine = extension.getProcessEngine();
    deploymentId =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance("list-variable-check.bpmn", model)
            .deploy()
            .getId();

    var variables = Variables.createVariables();
    IDS.on(variables, List.of("a-1", "b-2", "c-3"));
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey("ListVariableCheck", variables);

    ObjectValue stored =
        engine.getRuntimeService().getVariableTyped(instance.getId(), IDS.name(), false);
    assertThat(stored.getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(stored.getValueSerialized()).isEqualTo("[\"a-1\",\"b-2\",\"c-3\"]");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), IDS.name()))
        .isEqualTo(List.of("a-1", "b-2", "c-3"));
    List<Task> tasks =
        engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
    assertThat(tasks)
        .extracting(t -> engine.getTaskService().getVariable(t.getId(), "id"))
        .containsExactlyInAnyOrder("a-1", "b-2", "c-3");
  }
}
