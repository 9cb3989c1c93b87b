package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo world a newcomer sees: created on first start, never twice, usable with the README's users. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:steward-demo;DB_CLOSE_DELAY=-1",
      "steward.demo.enabled=true",
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD
    })
class DemoWorldIT {

  @LocalServerPort int port;
  @Autowired DemoWorld demo;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void seedsOnceWithUsersForEveryRoleVendorsAndEscalationsInDifferentStates() {
    demo.run(new DefaultApplicationArguments());

    assertThat(jdbc.queryForObject("select count(*) from vendor", Integer.class)).isEqualTo(3);
    assertThat(jdbc.queryForList("select distinct lifecycle_phase from vendor", String.class)).hasSize(3);
    assertThat(jdbc.queryForList("select status from escalation", String.class))
        .containsExactlyInAnyOrder("OPEN", "IN_PROGRESS", "RESOLVED", "ESCALATED");
    for (String user : List.of("rachel", "omar", "quinn", "erin", "lena", "mateo")) {
      assertThat(identityService.checkPassword(user, DemoWorld.DEMO_PASSWORD)).as(user).isTrue();
    }
    List<String> withTasks = new ArrayList<>();
    for (String user : List.of("rachel", "erin", "mateo")) {
      if (taskService.createTaskQuery().or().taskAssignee(user).taskCandidateUser(user).endOr().count() > 0) {
        withTasks.add(user);
      }
    }
    assertThat(withTasks).as("RM, executive and a BPO lead have open tasks").containsExactly("rachel", "erin", "mateo");
  }

  @Test
  void theDemoLeadSeesOnlyTheirVendorThroughTheApi() {
    Api.Response vendors = new Api(port).send(null, "GET", "/api/vendors", null, null,
        java.util.Map.of("Authorization", Api.basic("lena", DemoWorld.DEMO_PASSWORD)));
    assertThat(vendors.status()).isEqualTo(200);
    assertThat(vendors.json()).hasSize(1);
    assertThat(vendors.json().get(0).get("code").asText()).isEqualTo("ACME-MNL");
  }
}
