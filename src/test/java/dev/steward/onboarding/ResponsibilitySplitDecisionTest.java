package dev.steward.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
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
 * The responsibility split table ({@code processes/responsibility-split.dmn}) against product.md
 * "Involvement levels".
 */
class ResponsibilitySplitDecisionTest {

  private static final String RESOURCE = "processes/responsibility-split.dmn";
  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = open()) {
      decision = dmnEngine.parseDecision(OnboardingProcess.SPLIT_DECISION_KEY, dmn);
    }
  }

  @Test
  void isAUniqueTableFromInvolvementToTheOwnerOfEachResponsibility() throws IOException {
    assertThat(decision.getKey()).isEqualTo("ResponsibilitySplit");
    assertThat(decision.isDecisionTable()).isTrue();
    try (InputStream dmn = open()) {
      DmnModelInstance model = Dmn.readModelFromStream(dmn);
      Decision modelDecision = model.getModelElementById(OnboardingProcess.SPLIT_DECISION_KEY);
      DecisionTable table = (DecisionTable) modelDecision.getExpression();
      assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
      assertThat(table.getInputs())
          .singleElement()
          .satisfies(
              input ->
                  assertThat(input.getInputExpression().getText().getTextContent())
                      .isEqualTo(OnboardingProcess.INVOLVEMENT.name()));
      assertThat(table.getOutputs())
          .extracting(Output::getName)
          .containsExactly(
              Arrays.stream(Responsibility.values())
                  .map(Responsibility::output)
                  .toArray(String[]::new));
      assertThat(table.getRules()).hasSize(3);
      assertThat(modelDecision.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }
  }

  @ParameterizedTest(
      name = "{0}: recruiting {1}, onboarding sessions {2}, training {3}, coaching {4}, QA {5}")
  @CsvSource({
    // the vendor supplies a program manager and agents; the brand does the rest
    "LOW,     VENDOR, BRAND,  BRAND,  BRAND,  BRAND",
    // the vendor recruits, onboards and coaches; the brand owns training material and QA
    "PARTIAL, VENDOR, VENDOR, BRAND,  VENDOR, BRAND",
    // the vendor runs everything; the brand oversees
    "HIGH,    VENDOR, VENDOR, VENDOR, VENDOR, VENDOR"
  })
  void splitsByInvolvement(
      String involvement,
      String recruiting,
      String onboardingSessions,
      String training,
      String coaching,
      String qa) {
    DmnDecisionResult result = evaluate(involvement);

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "recruiting", recruiting,
                "onboardingSessions", onboardingSessions,
                "training", training,
                "coaching", coaching,
                "qa", qa));
  }

  @Test
  void everyOwnerIsAnOwnerTheApplicationKnows() {
    for (String involvement : new String[] {"LOW", "PARTIAL", "HIGH"}) {
      evaluate(involvement)
          .getSingleResult()
          .getEntryMap()
          .values()
          .forEach(owner -> assertThat(Owner.valueOf(owner.toString())).isNotNull());
    }
  }

  @Test
  void moreInvolvementNeverHandsAResponsibilityBackToTheBrand() {
    String[] levels = {"LOW", "PARTIAL", "HIGH"};
    for (int i = 1; i < levels.length; i++) {
      Map<String, Object> less = evaluate(levels[i - 1]).getSingleResult().getEntryMap();
      Map<String, Object> more = evaluate(levels[i]).getSingleResult().getEntryMap();
      String level = levels[i];
      less.forEach(
          (responsibility, owner) -> {
            if ("VENDOR".equals(owner)) {
              assertThat(more.get(responsibility))
                  .as("%s at %s", responsibility, level)
                  .isEqualTo("VENDOR");
            }
          });
    }
  }

  @ParameterizedTest(name = "involvement \"{0}\" has no split")
  @NullAndEmptySource
  @ValueSource(strings = {"MEDIUM", "low", "FULL"})
  void unknownInvolvementHasNoResult(String involvement) {
    assertThat(evaluate(involvement)).isEmpty();
  }

  private static DmnDecisionResult evaluate(String involvement) {
    return dmnEngine.evaluateDecision(
        decision,
        Variables.createVariables().putValue(OnboardingProcess.INVOLVEMENT.name(), involvement));
  }

  private static InputStream open() {
    InputStream dmn =
        ResponsibilitySplitDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(dmn).as(RESOURCE + " on the classpath").isNotNull();
    return dmn;
  }
}
