package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.evaluation.EvaluationProcess;
import dev.steward.support.TestProperties;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo evaluation round: created on first start after the demo world, never twice, with a score
 * sheet waiting for rachel and erin. Same configuration as {@link DemoWorldIT}, so both share one
 * application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:steward-demo;DB_CLOSE_DELAY=-1",
      "steward.demo.enabled=true",
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD
    })
class DemoEvaluationIT {

  @Autowired DemoEvaluation demo;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  @Test
  void seedsOneOpenRoundWithBidsAndScoreSheetsForRachelAndErin() {
    demo.run(new DefaultApplicationArguments());

    assertThat(
            jdbc.queryForList(
                "select status from evaluation_round where name = ?",
                String.class,
                DemoEvaluation.ROUND_NAME))
        .containsExactly("SCORING");
    assertThat(
            jdbc.queryForList(
                """
                select v.code from evaluation_candidate c join vendor v on v.id = c.vendor_id
                join evaluation_round r on r.id = c.round_id
                where r.name = ? and c.monthly_price is not null order by c.position
                """,
                String.class,
                DemoEvaluation.ROUND_NAME))
        .containsExactly("NORDIC-BER", "HANSA-HH");
    assertThat(
            jdbc.queryForObject(
                "select lifecycle_phase from vendor where code = 'HANSA-HH'", String.class))
        .isEqualTo("EVALUATION");
    for (String evaluator : List.of("rachel", "erin")) {
      assertThat(
              taskService
                  .createTaskQuery()
                  .taskAssignee(evaluator)
                  .taskDefinitionKey(EvaluationProcess.Elements.SCORE_CANDIDATES)
                  .count())
          .as(evaluator)
          .isEqualTo(1);
    }
  }
}
