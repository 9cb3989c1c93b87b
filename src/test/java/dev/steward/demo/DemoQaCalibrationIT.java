package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's QA calibration session: Acme Manila, two interactions, quinn done, quentin to do. Same
 * context as {@link DemoWorldIT}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:steward-demo;DB_CLOSE_DELAY=-1",
      "steward.demo.enabled=true",
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD
    })
class DemoQaCalibrationIT {

  @LocalServerPort int port;
  @Autowired DemoQaCalibration demo;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void acmeHasASessionWithQuinnsAuditsInAndQuentinsToDo() {
    String acme =
        jdbc.queryForObject("select id from vendor where code = 'ACME-MNL'", String.class);
    assertThat(identityService.checkPassword("quentin", DemoWorld.DEMO_PASSWORD)).isTrue();
    assertThat(
            identityService
                .createUserQuery()
                .userId("quentin")
                .memberOfGroup("qa-analysts")
                .count())
        .isEqualTo(1);

    Api.Response list = get("rachel", "/api/vendors/" + acme + "/qa-calibrations");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().size()).isEqualTo(1);
    String id = list.json().get(0).path("id").asText();

    JsonNode session = get("quentin", "/api/qa-calibrations/" + id).json();
    assertThat(session.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(session.path("interactionIds").size()).isEqualTo(2);
    assertThat(session.path("analysts").get(0).path("analyst").asText()).isEqualTo("quinn");
    assertThat(session.path("analysts").get(0).path("submittedAudits").asInt()).isEqualTo(2);
    assertThat(session.path("analysts").get(1).path("analyst").asText()).isEqualTo("quentin");
    assertThat(session.path("analysts").get(1).path("submittedAudits").asInt()).isZero();
    assertThat(session.path("report").isNull()).isTrue();
    assertThat(
            jdbc.queryForList(
                "select score from qa_calibration_audit where calibration_id = ? and analyst = 'quinn' order by position",
                Double.class,
                id))
        // greeting 5, tone 4, correctness 4, cross-sell N/A, salutation 5, policy 1:
        //   (10·100 + 20·75 + 30·75 + 10·100 + 20·100) / 90 = 7750 / 90 = 86.11
        // greeting 4, tone 3, correctness 3, cross-sell 2, salutation 4, policy 1:
        //   (10·75 + 20·50 + 30·50 + 10·25 + 10·75 + 20·100) / 100 = 62.5
        .containsExactly(7750.0 / 90, 62.5);

    Api.Response tasks = get("quentin", "/api/tasks");
    List<JsonNode> quentins = new java.util.ArrayList<>();
    tasks
        .json()
        .forEach(
            t -> {
              if (id.equals(t.path("businessKey").asText())) {
                quentins.add(t);
              }
            });
    assertThat(quentins).hasSize(2);

    // idempotent
    demo.run(new DefaultApplicationArguments());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from qa_calibration where vendor_id = ?", Integer.class, acme))
        .isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskAssignee("quentin").count()).isEqualTo(2);
  }

  private Api.Response get(String user, String path) {
    return new Api(port)
        .send(
            null,
            "GET",
            path,
            null,
            null,
            Map.of("Authorization", Api.basic(user, DemoWorld.DEMO_PASSWORD)));
  }
}
