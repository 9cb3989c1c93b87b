package dev.steward.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The QBR outcome table ({@code processes/qbr-outcome.dmn}) against kpis.md "QBR outcome": every
 * boundary (90, 70, 50 and just below), the two-consecutive-quarters rule, and no data.
 */
class QbrOutcomeDecisionTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    dmnEngine = DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn =
        QbrOutcomeDecisionTest.class
            .getClassLoader()
            .getResourceAsStream("processes/qbr-outcome.dmn")) {
      assertThat(dmn).as("processes/qbr-outcome.dmn on the classpath").isNotNull();
      decision = dmnEngine.parseDecision(QuarterlyReviewProcess.DECISION_KEY, dmn);
    }
  }

  private static String outcome(Double total, Double previousTotal) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("total", total);
    variables.put("previousTotal", previousTotal);
    DmnDecisionResult result = dmnEngine.evaluateDecision(decision, variables);
    assertThat(result).as("exactly one rule for %s / %s", total, previousTotal).hasSize(1);
    return result.getSingleResult().getEntry("outcome");
  }

  @ParameterizedTest(name = "total {0}, previous {1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        // >= 90: recognize, whatever the previous quarter
        "100, null, RECOGNIZE",
        "90, null, RECOGNIZE",
        "90, 40, RECOGNIZE",
        "89.99, null, CONTINUE",
        // 70 <= total < 90: continue, whatever the previous quarter
        "70, null, CONTINUE",
        "70, 10, CONTINUE",
        "89.99, 69.99, CONTINUE",
        "69.99, null, IMPROVEMENT_PLAN",
        // 50 <= total < 70: improvement plan, unless the previous quarter was below 70 too
        "69.99, 70, IMPROVEMENT_PLAN",
        "50, 95, IMPROVEMENT_PLAN",
        "50, null, IMPROVEMENT_PLAN",
        "69.99, 69.99, PROPOSE_TRANSITION",
        "50, 50, PROPOSE_TRANSITION",
        "60, 0, PROPOSE_TRANSITION",
        // < 50: propose a transition, whatever the previous quarter
        "49.99, null, PROPOSE_TRANSITION",
        "49.99, 95, PROPOSE_TRANSITION",
        "0, 100, PROPOSE_TRANSITION",
      })
  void outcomeFollowsKpisMd(Double total, Double previousTotal, String expected) {
    assertThat(outcome(total, previousTotal)).isEqualTo(expected);
  }

  @Test
  void noDataForThePeriodContinues() {
    assertThat(outcome(null, null)).isEqualTo("CONTINUE");
    assertThat(outcome(null, 40.0)).isEqualTo("CONTINUE");
  }

  @Test
  void belowSeventyInTwoConsecutiveQuartersProposesATransition() {
    assertThat(outcome(65.0, 69.99)).isEqualTo("PROPOSE_TRANSITION");
    assertThat(outcome(65.0, 70.0)).isEqualTo("IMPROVEMENT_PLAN");
  }

  @Test
  void isAUniqueHitPolicyTable() throws IOException {
    assertThat(decision.getKey()).isEqualTo("QbrOutcome");
    assertThat(decision.isDecisionTable()).isTrue();
    try (InputStream dmn =
        QbrOutcomeDecisionTest.class
            .getClassLoader()
            .getResourceAsStream("processes/qbr-outcome.dmn")) {
      org.camunda.bpm.model.dmn.instance.DecisionTable table =
          org.camunda.bpm.model.dmn.Dmn.readModelFromStream(dmn)
              .getModelElementById("DecisionTable_QbrOutcome");
      assertThat(table.getHitPolicy()).isEqualTo(org.camunda.bpm.model.dmn.HitPolicy.UNIQUE);
      assertThat(table.getRules()).hasSize(6);
    }
  }
}
