package dev.steward.escalation;

import static dev.steward.escalation.EscalationProcess.SEVERITY;
import static dev.steward.escalation.EscalationProcess.SLA_DECISION_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The escalation SLA table ({@code processes/escalation-sla.dmn}) against the defaults in kpis.md.
 */
class EscalationSlaDecisionTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn =
        EscalationSlaDecisionTest.class
            .getClassLoader()
            .getResourceAsStream("processes/escalation-sla.dmn")) {
      assertThat(dmn).as("processes/escalation-sla.dmn on the classpath").isNotNull();
      decision = dmnEngine.parseDecision(SLA_DECISION_KEY, dmn);
    }
  }

  @Test
  void isAUniqueHitPolicyDecisionTableKeptForHalfAYear() throws IOException {
    assertThat(decision.getKey()).isEqualTo(SLA_DECISION_KEY);
    assertThat(decision.getName()).isEqualTo("Escalation SLA by severity");
    assertThat(decision.isDecisionTable()).isTrue();

    try (InputStream dmn =
        EscalationSlaDecisionTest.class
            .getClassLoader()
            .getResourceAsStream("processes/escalation-sla.dmn")) {
      DmnModelInstance model = Dmn.readModelFromStream(dmn);
      Decision modelDecision = model.getModelElementById(SLA_DECISION_KEY);
      DecisionTable table = (DecisionTable) modelDecision.getExpression();
      assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
      assertThat(table.getInputs())
          .singleElement()
          .satisfies(
              input ->
                  assertThat(input.getInputExpression().getText().getTextContent())
                      .isEqualTo(SEVERITY.name()));
      assertThat(table.getOutputs())
          .extracting(Output::getName, Output::getTypeRef)
          .containsExactly(tuple("responseHours", "integer"), tuple("resolutionHours", "integer"));
      assertThat(modelDecision.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    }
  }

  @ParameterizedTest(name = "{0}: first response within {1} h, resolution within {2} h")
  @CsvSource({"P1, 1, 8", "P2, 4, 24", "P3, 24, 72", "P4, 72, 240"})
  void slaBySeverity(String severity, int responseHours, int resolutionHours) {
    DmnDecisionResult result = evaluate(severity);

    assertThat(result).hasSize(1);
    DmnDecisionResultEntries sla = result.getSingleResult();
    assertThat(sla.getEntryMap()).containsOnlyKeys("responseHours", "resolutionHours");
    assertThat(sla.<Object>getEntry("responseHours")).isEqualTo(responseHours);
    assertThat(sla.<Object>getEntry("resolutionHours")).isEqualTo(resolutionHours);
  }

  @Test
  void moreSevereEscalationsHaveShorterSlas() {
    int previousResponse = 0;
    int previousResolution = 0;
    for (String severity : new String[] {"P1", "P2", "P3", "P4"}) {
      DmnDecisionResultEntries sla = evaluate(severity).getSingleResult();
      int response = sla.getEntry("responseHours");
      int resolution = sla.getEntry("resolutionHours");
      assertThat(response)
          .as("%s response", severity)
          .isGreaterThan(previousResponse)
          .isLessThan(resolution);
      assertThat(resolution).as("%s resolution", severity).isGreaterThan(previousResolution);
      previousResponse = response;
      previousResolution = resolution;
    }
  }

  @ParameterizedTest(name = "severity \"{0}\" has no SLA")
  @NullAndEmptySource
  @ValueSource(strings = {"P0", "P5", "p1", "CRITICAL"})
  void unknownSeverityHasNoResult(String severity) {
    assertThat(evaluate(severity)).isEmpty();
  }

  private static DmnDecisionResult evaluate(String severity) {
    return dmnEngine.evaluateDecision(
        decision, Variables.createVariables().putValue(SEVERITY.name(), severity));
  }
}
