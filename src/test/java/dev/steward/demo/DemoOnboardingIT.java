package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.onboarding.OnboardingProcess;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo vendor in onboarding: Cedar Bogotá with its lead sofia, its onboarding started so the
 * relationship managers and sofia have tasks; Bright Mexico stays in its pilot. Same context as
 * {@link DemoWorldIT}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:steward-demo;DB_CLOSE_DELAY=-1",
      "steward.demo.enabled=true",
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD
    })
class DemoOnboardingIT {

  @LocalServerPort int port;
  @Autowired DemoOnboarding demo;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;

  @Test
  void cedarBogotaIsOnboardingWithTasksForRachelAndSofiaOnce() {
    demo.run(new DefaultApplicationArguments());

    Map<String, Object> cedar =
        jdbc.queryForMap(
            "select id, lifecycle_phase, involvement, delivery_model, time_zone from vendor"
                + " where code = 'CEDAR-BOG'");
    String cedarId = (String) cedar.get("id");
    assertThat(cedar)
        .containsEntry("lifecycle_phase", "ONBOARDING")
        .containsEntry("involvement", "PARTIAL")
        .containsEntry("delivery_model", "NEARSHORE")
        .containsEntry("time_zone", "America/Bogota");
    assertThat(
            jdbc.queryForList(
                "select language from vendor_language where vendor_id = ? order by language",
                String.class,
                cedarId))
        .containsExactly("en", "es");
    assertThat(
            jdbc.queryForObject(
                "select lifecycle_phase from vendor where code = 'BRIGHT-MX'", String.class))
        .isEqualTo("PILOT");
    assertThat(identityService.checkPassword("sofia", DemoWorld.DEMO_PASSWORD)).isTrue();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(OnboardingProcess.PROCESS_KEY)
                .processInstanceBusinessKey(cedarId)
                .count())
        .as("started once, also after a second run")
        .isEqualTo(1);

    assertThat(onboardingTasks("sofia", cedarId))
        .containsExactlyInAnyOrder(
            OnboardingProcess.Elements.RUN_ONBOARDING_SESSIONS,
            OnboardingProcess.Elements.PROPOSE_AGENTS);
    assertThat(onboardingTasks("rachel", cedarId))
        .containsExactlyInAnyOrder(
            OnboardingProcess.Elements.AGREE_CONTRACT,
            OnboardingProcess.Elements.ASSIGN_RELATIONSHIP_MANAGER,
            OnboardingProcess.Elements.SET_GROUND_RULES,
            OnboardingProcess.Elements.GRANT_SYSTEM_ACCESS,
            OnboardingProcess.Elements.HAND_OVER_KNOWLEDGE_BASE);
    assertThat(onboardingTasks("mateo", cedarId)).isEmpty();
    Api.Response onboarding = get("sofia", "/api/vendors/" + cedarId + "/onboarding");
    assertThat(onboarding.status()).as(onboarding.body()).isEqualTo(200);
    assertThat(onboarding.json().path("involvement").asText()).isEqualTo("PARTIAL");
    assertThat(get("mateo", "/api/vendors/" + cedarId + "/onboarding").status()).isEqualTo(404);
  }

  private List<String> onboardingTasks(String user, String vendorId) {
    Api.Response response = get(user, "/api/tasks");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    for (JsonNode task : response.json()) {
      if (OnboardingProcess.PROCESS_KEY.equals(task.path("processKey").asText())
          && vendorId.equals(task.path("vendorId").asText())) {
        keys.add(task.path("taskKey").asText());
      }
    }
    return keys;
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
