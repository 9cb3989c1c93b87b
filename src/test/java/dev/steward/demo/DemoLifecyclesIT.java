package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo shows a vendor in each early phase of the lifecycle, each with its lifecycle process
 * settled: candidates waiting for the evaluation, a pilot waiting for its plan, an onboarding, a
 * first training cohort, an operating vendor with its timers. Same context as {@link DemoWorldIT}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:steward-demo;DB_CLOSE_DELAY=-1",
      "steward.demo.enabled=true",
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD
    })
class DemoLifecyclesIT {

  @LocalServerPort int port;
  @Autowired DemoLifecycles demoLifecycles;
  @Autowired TaskService taskService;

  @Test
  void everyEarlyPhaseHasAVendorWithItsLifecycleSettled() {
    demoLifecycles.run(new DefaultApplicationArguments()); // again: changes nothing
    Api api = new Api(port);

    Api.Response list = get(api, "/api/vendors");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    Map<String, String> phaseByCode = new HashMap<>();
    Map<String, String> idByCode = new HashMap<>();
    for (JsonNode vendor : list.json()) {
      phaseByCode.put(vendor.get("code").asText(), vendor.get("lifecyclePhase").asText());
      idByCode.put(vendor.get("code").asText(), vendor.get("id").asText());
    }
    assertThat(phaseByCode)
        .containsEntry("NORDIC-BER", "EVALUATION")
        .containsEntry("HANSA-HH", "EVALUATION")
        .containsEntry("BRIGHT-MX", "PILOT")
        .containsEntry("CEDAR-BOG", "ONBOARDING")
        .containsEntry("DUNE-CAI", "TRAINING")
        .containsEntry("ACME-MNL", "OPERATING");

    for (String code : phaseByCode.keySet()) {
      Api.Response lifecycle = get(api, "/api/vendors/" + idByCode.get(code) + "/lifecycle");
      assertThat(lifecycle.status()).as(lifecycle.body()).isEqualTo(200);
      assertThat(lifecycle.json().get("active").asBoolean()).as(code).isTrue();
      assertThat(lifecycle.json().get("currentSteps")).as(code).isNotEmpty();
    }
    assertThat(steps(api, idByCode.get("NORDIC-BER"))).containsExactly("Await selection");
    assertThat(steps(api, idByCode.get("BRIGHT-MX"))).containsExactly("Run pilot");
    assertThat(steps(api, idByCode.get("CEDAR-BOG"))).containsExactly("Onboard vendor");
    assertThat(steps(api, idByCode.get("DUNE-CAI"))).containsExactly("Train first cohort");
    assertThat(steps(api, idByCode.get("ACME-MNL"))).containsExactly("Await offboarding");

    // the pilot waits for its plan, the first cohort holds the four agents
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(idByCode.get("BRIGHT-MX"))
                .taskDefinitionKey("Task_PlanPilot")
                .count())
        .isEqualTo(1);
    Api.Response cohorts =
        get(api, "/api/vendors/" + idByCode.get("DUNE-CAI") + "/training-cohorts");
    assertThat(cohorts.status()).as(cohorts.body()).isEqualTo(200);
    assertThat(cohorts.json()).hasSize(1);
    assertThat(cohorts.body()).contains("\"agents\":4");
  }

  /** As the demo user {@code rachel}, with the demo password. */
  private static Api.Response get(Api api, String path) {
    return api.send(
        null,
        "GET",
        path,
        null,
        null,
        Map.of("Authorization", Api.basic("rachel", DemoWorld.DEMO_PASSWORD)));
  }

  private static List<String> steps(Api api, String vendorId) {
    Api.Response lifecycle = get(api, "/api/vendors/" + vendorId + "/lifecycle");
    assertThat(lifecycle.status()).as(lifecycle.body()).isEqualTo(200);
    return StreamSupport.stream(lifecycle.json().get("currentSteps").spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }
}
