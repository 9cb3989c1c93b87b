package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * House-style checks (points 2, 3 and 5) on every file in the top-level {@code processes/}
 * directory, one dynamic test per file: it must be a BPMN diagram, a DMN table or a Camunda Form,
 * open in Camunda Modeler (diagram interchange present), use readable ids and names, and wire code
 * only by delegate expressions.
 */
class ProcessModelTest {

  /** The project root is surefire's working directory. */
  static final Path PROCESSES = Path.of("processes");

  static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";

  static final Pattern KEBAB_CASE_FILE_NAME =
      Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*\\.(bpmn|dmn|form)$");

  /**
   * Ids the modelers generate: {@code Activity_0abc123}, {@code Flow_1x2y3z4}, {@code UserTask_1},
   * UUIDs.
   */
  static final List<Pattern> GENERATED_IDS =
      List.of(
          Pattern.compile(
              "^(Activity|Gateway|Event|Flow|StartEvent|EndEvent|BoundaryEvent|IntermediateThrowEvent"
                  + "|IntermediateCatchEvent|ExclusiveGateway|ParallelGateway|InclusiveGateway|EventBasedGateway|UserTask"
                  + "|ServiceTask|SendTask|ReceiveTask|BusinessRuleTask|ScriptTask|CallActivity|SubProcess|Task|SequenceFlow"
                  + "|Timer|TimerEventDefinition|MessageEventDefinition|ErrorEventDefinition|SignalEventDefinition"
                  + "|Message|Error|Signal|Escalation|Process|Participant|Collaboration|Lane|LaneSet|DataObject"
                  + "|DataObjectReference|DataStoreReference|Association|TextAnnotation|Group|Definitions|Decision"
                  + "|DecisionTable|DecisionRule|InputClause|OutputClause|UnaryTests|LiteralExpression|InputData"
                  + "|KnowledgeSource|BusinessKnowledgeModel|DMNShape|DMNEdge|DMNDiagram|Form|Field|Textfield|Textarea"
                  + "|Select|Radio|Checkbox|Number|Text|Row|Group)_[0-9a-z]{7}(_di)?$"),
          Pattern.compile("^[A-Za-z]+_[01][0-9a-z]{6}(_di)?$"),
          Pattern.compile("^[A-Za-z]+_\\d+(_di)?$"),
          Pattern.compile(
              "^(sid-|_)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));

  /** Camunda Forms components that submit a value and so need a {@code key}. */
  static final Set<String> INPUT_COMPONENTS =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "datetime",
          "select",
          "radio",
          "checkbox",
          "checklist",
          "taglist",
          "filepicker",
          "expression");

  static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyFileInProcessesPassesTheModelRules() {
    List<Path> files = filesInProcesses();
    assertThat(files).as("files in %s", PROCESSES.toAbsolutePath()).isNotEmpty();
    Set<String> formIds = formIds(files);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    PROCESSES.relativize(file).toString(),
                    file.toUri(),
                    () -> checkFile(file, formIds)));
  }

  @Test
  void processDecisionAndFormIdsAreUniqueAcrossFiles() {
    Map<String, List<String>> filesById = new TreeMap<>();
    for (Path file : filesInProcesses()) {
      String name = file.getFileName().toString();
      List<String> ids = new ArrayList<>();
      try {
        if (name.endsWith(".bpmn")) {
          Bpmn.readModelFromFile(file.toFile())
              .getModelElementsByType(Process.class)
              .forEach(p -> ids.add(p.getId()));
        } else if (name.endsWith(".dmn")) {
          Dmn.readModelFromFile(file.toFile())
              .getModelElementsByType(Decision.class)
              .forEach(d -> ids.add(d.getId()));
        } else if (name.endsWith(".form")) {
          ids.add(JSON.readTree(file.toFile()).path("id").asText());
        }
      } catch (IOException | RuntimeException unreadable) {
        continue; // reported by the file's own test
      }
      ids.forEach(id -> filesById.computeIfAbsent(id, key -> new ArrayList<>()).add(name));
    }
    assertThat(filesById).isNotEmpty();
    assertThat(filesById.entrySet())
        .as("process keys, decision keys and form ids defined in more than one file")
        .allSatisfy(entry -> assertThat(entry.getValue()).as(entry.getKey()).hasSize(1));
  }

  // --- per file

  private static void checkFile(Path file, Set<String> formIds) throws Exception {
    String name = file.getFileName().toString();
    SoftAssertions softly = new SoftAssertions();
    softly
        .assertThat(name)
        .as("file name (kebab-case .bpmn, .dmn or .form)")
        .matches(KEBAB_CASE_FILE_NAME);
    if (name.endsWith(".bpmn")) {
      checkBpmn(file, formIds, softly);
    } else if (name.endsWith(".dmn")) {
      checkDmn(file, softly);
    } else if (name.endsWith(".form")) {
      checkForm(file, softly);
    } else {
      softly.fail(
          "%s: only BPMN diagrams, DMN tables and Camunda Forms belong in processes/", name);
    }
    softly.assertAll();
  }

  private static void checkBpmn(Path file, Set<String> formIds, SoftAssertions softly)
      throws Exception {
    BpmnModelInstance model =
        Bpmn.readModelFromFile(file.toFile()); // validates against the BPMN schema

    // opens in Camunda Modeler: a diagram with a plane, a shape per flow node, an edge per sequence
    // flow
    var diagrams = model.getModelElementsByType(BpmnDiagram.class);
    softly.assertThat(diagrams).as("BPMN diagram interchange (bpmndi:BPMNDiagram)").isNotEmpty();
    diagrams.forEach(
        diagram -> {
          softly
              .assertThat(diagram.getBpmnPlane())
              .as("plane of diagram %s", diagram.getId())
              .isNotNull();
          if (diagram.getBpmnPlane() != null) {
            softly
                .assertThat(diagram.getBpmnPlane().getBpmnElement())
                .as("element of plane of %s", diagram.getId())
                .isNotNull();
          }
        });
    Map<String, BpmnShape> shapes = new HashMap<>();
    model
        .getModelElementsByType(BpmnShape.class)
        .forEach(
            shape -> {
              if (shape.getBpmnElement() != null) {
                shapes.put(shape.getBpmnElement().getId(), shape);
              }
            });
    Set<String> edges = new HashSet<>();
    model
        .getModelElementsByType(BpmnEdge.class)
        .forEach(
            edge -> {
              if (edge.getBpmnElement() != null) {
                edges.add(edge.getBpmnElement().getId());
                softly
                    .assertThat(edge.getWaypoints())
                    .as("waypoints of edge %s", edge.getId())
                    .hasSizeGreaterThanOrEqualTo(2);
              }
            });

    var processes = model.getModelElementsByType(Process.class);
    softly.assertThat(processes).as("processes").isNotEmpty();
    processes.forEach(
        process -> {
          softly
              .assertThat(process.isExecutable())
              .as("process %s isExecutable", process.getId())
              .isTrue();
          softly
              .assertThat(process.getCamundaHistoryTimeToLiveString())
              .as("camunda:historyTimeToLive of process %s", process.getId())
              .isNotBlank();
        });

    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String id = node.getId();
      softly.assertThat(node.getName()).as("name of %s", id).isNotBlank();
      softly.assertThat(shapes).as("diagram shape of %s", id).containsKey(id);
      if (node instanceof SubProcess && shapes.containsKey(id)) {
        softly
            .assertThat(shapes.get(id).isExpanded())
            .as("sub-process %s drawn expanded", id)
            .isTrue();
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      softly
          .assertThat(edges)
          .as("diagram edge of sequence flow %s", flow.getId())
          .contains(flow.getId());
    }

    // code is wired only by delegate expressions; no scripts
    softly.assertThat(model.getModelElementsByType(ScriptTask.class)).as("script tasks").isEmpty();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      softly
          .assertThat(
              isDelegateExpressionOrExternal(
                  task.getCamundaDelegateExpression(), task.getCamundaType()))
          .as(
              "service task %s uses camunda:delegateExpression (or is an external task)",
              task.getId())
          .isTrue();
      softly
          .assertThat(task.getCamundaExpression())
          .as("camunda:expression on %s", task.getId())
          .isNull();
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      softly
          .assertThat(
              isDelegateExpressionOrExternal(
                  task.getCamundaDelegateExpression(), task.getCamundaType()))
          .as("send task %s uses camunda:delegateExpression (or is an external task)", task.getId())
          .isTrue();
      softly
          .assertThat(task.getCamundaExpression())
          .as("camunda:expression on %s", task.getId())
          .isNull();
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      softly
          .assertThat(
              isNotBlank(task.getCamundaDecisionRef())
                  || isDelegateExpressionOrExternal(
                      task.getCamundaDelegateExpression(), task.getCamundaType()))
          .as(
              "business rule task %s references a DMN decision or uses camunda:delegateExpression",
              task.getId())
          .isTrue();
      softly
          .assertThat(task.getCamundaExpression())
          .as("camunda:expression on %s", task.getId())
          .isNull();
    }

    // user task forms are Camunda Forms in processes/
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      softly
          .assertThat(task.getCamundaFormKey())
          .as("camunda:formKey on %s (use camunda:formRef)", task.getId())
          .isNull();
      boolean generatedForm =
          task.getExtensionElements() != null
              && !task.getExtensionElements()
                  .getElementsQuery()
                  .filterByType(CamundaFormData.class)
                  .list()
                  .isEmpty();
      softly
          .assertThat(generatedForm)
          .as("camunda:formData on %s (use a Camunda Form)", task.getId())
          .isFalse();
      if (task.getCamundaFormRef() != null) {
        softly
            .assertThat(formIds)
            .as("form of %s (camunda:formRef)", task.getId())
            .contains(task.getCamundaFormRef());
      }
    }

    Document dom = parseXml(file);
    forEachElement(
        dom.getDocumentElement(),
        element -> {
          softly
              .assertThat(element.hasAttributeNS(CAMUNDA_BPMN_NS, "class"))
              .as("camunda:class on <%s id=%s>", element.getLocalName(), element.getAttribute("id"))
              .isFalse();
          softly
              .assertThat(
                  CAMUNDA_BPMN_NS.equals(element.getNamespaceURI())
                      && "script".equals(element.getLocalName()))
              .as("camunda:script inside <%s>", element.getParentNode().getLocalName())
              .isFalse();
        });
    checkIds(idsOf(dom), softly);
  }

  private static void checkDmn(Path file, SoftAssertions softly) throws Exception {
    DmnModelInstance model =
        Dmn.readModelFromFile(file.toFile()); // validates against the DMN schema
    var decisions = model.getModelElementsByType(Decision.class);
    softly.assertThat(decisions).as("decisions").isNotEmpty();

    Document dom = parseXml(file);
    softly
        .assertThat(dom.getElementsByTagNameNS("*", "DMNDI").getLength())
        .as("DMN diagram interchange (dmndi:DMNDI)")
        .isPositive();
    softly
        .assertThat(dom.getElementsByTagNameNS("*", "DMNDiagram").getLength())
        .as("dmndi:DMNDiagram")
        .isPositive();
    Set<String> shapes = new HashSet<>();
    NodeList shapeElements = dom.getElementsByTagNameNS("*", "DMNShape");
    for (int i = 0; i < shapeElements.getLength(); i++) {
      shapes.add(((Element) shapeElements.item(i)).getAttribute("dmnElementRef"));
    }
    for (Decision decision : decisions) {
      softly
          .assertThat(decision.getName())
          .as("name of decision %s", decision.getId())
          .isNotBlank();
      softly
          .assertThat(decision.getCamundaHistoryTimeToLiveString())
          .as("camunda:historyTimeToLive of decision %s", decision.getId())
          .isNotBlank();
      softly
          .assertThat(shapes)
          .as("diagram shape of decision %s", decision.getId())
          .contains(decision.getId());
    }
    forEachElement(
        dom.getDocumentElement(),
        element ->
            softly
                .assertThat(element.hasAttributeNS(CAMUNDA_DMN_NS, "class"))
                .as(
                    "camunda:class on <%s id=%s>",
                    element.getLocalName(), element.getAttribute("id"))
                .isFalse());
    checkIds(idsOf(dom), softly);
  }

  private static void checkForm(Path file, SoftAssertions softly) {
    JsonNode form = readJson(file);
    softly.assertThat(form.isObject()).as("form is a JSON object").isTrue();
    softly.assertThat(form.path("id").asText()).as("form id").isNotBlank();
    softly.assertThat(form.path("type").asText()).as("form type").isEqualTo("default");
    softly
        .assertThat(form.path("executionPlatform").asText())
        .as("executionPlatform")
        .isEqualTo("Camunda Platform");
    softly.assertThat(form.path("components").isArray()).as("components array").isTrue();
    softly.assertThat(form.path("components").size()).as("number of components").isPositive();

    List<String> ids = new ArrayList<>();
    ids.add(form.path("id").asText());
    List<String> keys = new ArrayList<>();
    checkComponents(form.path("components"), ids, keys, softly);
    softly.assertThat(keys).as("component keys").doesNotHaveDuplicates();
    softly.assertThat(ids).as("component ids").doesNotHaveDuplicates();
    checkIds(ids, softly);
  }

  private static void checkComponents(
      JsonNode components, List<String> ids, List<String> keys, SoftAssertions softly) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String id = component.path("id").asText();
      softly.assertThat(type).as("type of component %s", id).isNotBlank();
      softly.assertThat(id).as("id of a %s component", type).isNotBlank();
      ids.add(id);
      if (component.path("layout").hasNonNull("row")) {
        ids.add(component.path("layout").path("row").asText());
      }
      if (INPUT_COMPONENTS.contains(type)) {
        softly
            .assertThat(component.path("key").asText())
            .as("key of %s component %s", type, id)
            .isNotBlank();
        keys.add(component.path("key").asText());
      }
      if (component.has("components")) {
        checkComponents(component.path("components"), ids, keys, softly);
      }
    }
  }

  // --- helpers

  private static void checkIds(List<String> ids, SoftAssertions softly) {
    List<String> generated =
        ids.stream()
            .filter(id -> GENERATED_IDS.stream().anyMatch(pattern -> pattern.matcher(id).matches()))
            .toList();
    softly
        .assertThat(generated)
        .as("ids that look generated by a modeler; give them readable names")
        .isEmpty();
  }

  private static boolean isDelegateExpressionOrExternal(String delegateExpression, String type) {
    return isNotBlank(delegateExpression) || "external".equals(type);
  }

  private static boolean isNotBlank(String value) {
    return value != null && !value.isBlank();
  }

  private static List<Path> filesInProcesses() {
    assertThat(PROCESSES)
        .as("the processes/ directory (tests run from the project root)")
        .isDirectory();
    try (Stream<Path> paths = Files.walk(PROCESSES)) {
      return paths.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> formIds(List<Path> files) {
    Set<String> ids = new HashSet<>();
    for (Path file : files) {
      if (file.getFileName().toString().endsWith(".form")) {
        try {
          ids.add(JSON.readTree(file.toFile()).path("id").asText());
        } catch (IOException e) {
          // reported by the file's own test
        }
      }
    }
    return ids;
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static Document parseXml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static void forEachElement(Element element, Consumer<Element> action) {
    action.accept(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        forEachElement(childElement, action);
      }
    }
  }

  private static List<String> idsOf(Document dom) {
    List<String> ids = new ArrayList<>();
    forEachElement(
        dom.getDocumentElement(),
        element -> {
          if (element.hasAttribute("id")) {
            ids.add(element.getAttribute("id"));
          }
        });
    return ids;
  }
}
