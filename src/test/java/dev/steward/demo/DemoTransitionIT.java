package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.TestProperties;
import dev.steward.transition.TransitionProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo transition: FJORD-OSL to be replaced by ACME-MNL, approved by erin, the second approval
 * waiting for another executive (victor); never seeded twice. Same configuration as {@link
 * DemoWorldIT}, so both share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:steward-demo;DB_CLOSE_DELAY=-1",
      "steward.demo.enabled=true",
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD
    })
class DemoTransitionIT {

  @Autowired DemoTransition demo;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void seedsOneTransitionApprovedByErinAndWaitingForASecondExecutive() {
    demo.run(new DefaultApplicationArguments());
    demo.run(new DefaultApplicationArguments());

    var rows =
        jdbc.queryForList(
            """
            select t.id, t.status, t.proposed_by, t.first_approved_by, s.code as successor
            from vendor_transition t join vendor v on v.id = t.vendor_id
            join vendor s on s.id = t.successor_vendor_id where v.code = 'FJORD-OSL'
            """);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("STATUS", "PROPOSED")
        .containsEntry("PROPOSED_BY", "rachel")
        .containsEntry("FIRST_APPROVED_BY", "erin")
        .containsEntry("SUCCESSOR", "ACME-MNL");
    Task second =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey((String) rows.get(0).get("ID"))
            .singleResult();
    assertThat(second.getTaskDefinitionKey()).isEqualTo(TransitionProcess.Elements.SECOND_APPROVAL);
    assertThat(
            identityService
                .createUserQuery()
                .userId(DemoTransition.SECOND_EXECUTIVE)
                .memberOfGroup("executives")
                .count())
        .isEqualTo(1);
    assertThat(identityService.checkPassword("victor", "Steward-demo-1")).isTrue();
  }
}
