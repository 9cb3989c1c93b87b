package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's QA work: one cycle for Acme Manila with a few audits done by quinn and the rest open
 * in quinn's task list, readable by Acme's lead, created once. Same context as {@link DemoWorldIT}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:steward-demo;DB_CLOSE_DELAY=-1",
      "steward.demo.enabled=true",
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD
    })
class DemoQaIT {

  @LocalServerPort int port;
  @Autowired DemoQa demoQa;
  @Autowired JdbcTemplate jdbc;

  @Test
  void acmeHasOneQaCycleWithSomeAuditsDoneAndTheRestOpenForQuinn() {
    demoQa.run(new DefaultApplicationArguments()); // again: changes nothing

    String acme =
        jdbc.queryForObject("select id from vendor where code = 'ACME-MNL'", String.class);
    List<JsonNode> cycles = list(get("quinn", "/api/vendors/" + acme + "/qa-cycles"));
    assertThat(cycles).hasSize(1);
    JsonNode cycle = cycles.get(0);
    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    YearMonth expected =
        YearMonth.of(now.getYear(), (now.getMonthValue() - 1) / 3 * 3 + 1).minusMonths(1);
    assertThat(cycle.path("period").asText()).isEqualTo(expected.toString());
    assertThat(cycle.path("confidence").asInt()).isEqualTo(90);
    assertThat(cycle.path("status").asText()).isEqualTo("AUDITING");
    assertThat(cycle.path("population").asLong()).isGreaterThan(1_000);
    // n0 = 1.644854² / (4 · 0.15²) = 30.06, so about 30 with the top-ups for 16 agents
    int sampleSize = cycle.path("sampleSize").asInt();
    assertThat(sampleSize).isBetween(29, 46);

    List<JsonNode> audits =
        list(get("lena", "/api/qa-cycles/" + cycle.path("id").asText() + "/audits"));
    assertThat(audits).hasSize(sampleSize);
    List<JsonNode> done =
        audits.stream().filter(a -> "DONE".equals(a.path("status").asText())).toList();
    assertThat(done)
        .hasSize(DemoQa.COMPLETED_AUDITS)
        .allSatisfy(a -> assertThat(a.path("analyst").asText()).isEqualTo("quinn"))
        .allSatisfy(a -> assertThat(a.path("comment").asText()).isNotBlank());
    assertThat(done.stream().filter(a -> a.path("passed").asBoolean())).hasSizeBetween(2, 4);

    long openForQuinn =
        list(get("quinn", "/api/tasks")).stream()
            .filter(t -> "Task_AuditInteraction".equals(t.path("taskKey").asText()))
            .count();
    assertThat(openForQuinn).isEqualTo(sampleSize - DemoQa.COMPLETED_AUDITS);
    assertProblemStatus(get("mateo", "/api/qa-cycles/" + cycle.path("id").asText()), 404);
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

  private static void assertProblemStatus(Api.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
  }

  private static List<JsonNode> list(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    response.json().forEach(items::add);
    return items;
  }
}
