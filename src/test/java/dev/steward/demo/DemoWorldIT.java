package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.kpi.Period;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The demo world a newcomer sees: created on first start, never twice, usable with the README's
 * users.
 */
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
  @Autowired DemoInteractions demoInteractions;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void seedsOnceWithUsersForEveryRoleVendorsAndEscalationsInDifferentStates() {
    demo.run(new DefaultApplicationArguments());

    // DemoWorld's own three vendors (later demo runners add vendors of their own)
    String demoWorldVendors = " where code in ('ACME-MNL', 'BRIGHT-MX', 'NORDIC-BER')";
    assertThat(jdbc.queryForObject("select count(*) from vendor" + demoWorldVendors, Integer.class))
        .isEqualTo(3);
    assertThat(
            jdbc.queryForList(
                "select distinct lifecycle_phase from vendor" + demoWorldVendors, String.class))
        .hasSize(3);
    assertThat(jdbc.queryForList("select status from escalation", String.class))
        .containsExactlyInAnyOrder("OPEN", "IN_PROGRESS", "RESOLVED", "ESCALATED");
    for (String user : List.of("rachel", "omar", "quinn", "erin", "lena", "mateo")) {
      assertThat(identityService.checkPassword(user, DemoWorld.DEMO_PASSWORD)).as(user).isTrue();
    }
    List<String> withTasks = new ArrayList<>();
    for (String user : List.of("rachel", "erin", "mateo")) {
      if (taskService
              .createTaskQuery()
              .or()
              .taskAssignee(user)
              .taskCandidateUser(user)
              .endOr()
              .count()
          > 0) {
        withTasks.add(user);
      }
    }
    assertThat(withTasks)
        .as("RM, executive and a BPO lead have open tasks")
        .containsExactly("rachel", "erin", "mateo");
  }

  @Test
  void theDemoLeadSeesOnlyTheirVendorThroughTheApi() {
    Api.Response vendors =
        new Api(port)
            .send(
                null,
                "GET",
                "/api/vendors",
                null,
                null,
                java.util.Map.of("Authorization", Api.basic("lena", DemoWorld.DEMO_PASSWORD)));
    assertThat(vendors.status()).isEqualTo(200);
    assertThat(vendors.json()).hasSize(1);
    assertThat(vendors.json().get(0).get("code").asText()).isEqualTo("ACME-MNL");
  }

  @Test
  void theDemoVendorsHaveAQuarterOfInteractionsAndScorecardsWithNumbers() {
    Period current = Period.quarterOf(Instant.now());
    YearMonth previous = current.first().minusMonths(3);
    Period lastFull = Period.quarter(previous.getYear(), (previous.getMonthValue() - 1) / 3 + 1);
    Map<String, JsonNode> cards = new HashMap<>();
    for (String code : List.of("ACME-MNL", "BRIGHT-MX", "NORDIC-BER")) {
      String id = jdbc.queryForObject("select id from vendor where code = ?", String.class, code);
      Api.Response response = get("rachel", "/api/vendors/" + id + "/scorecard?period=" + lastFull);
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      JsonNode card = response.json();
      assertThat(card.get("total").isNumber()).as(code + ": " + response.body()).isTrue();
      assertThat(card.get("interactions").asLong()).as(code).isPositive();
      card.get("kpis")
          .forEach(line -> assertThat(line.get("value").isNumber()).as(code + " " + line).isTrue());
      assertThat(card.at("/serviceCredits/atRiskAmount").decimalValue()).as(code).isPositive();
      assertThat(card.at("/serviceCredits/months")).hasSize(3);
      cards.put(code, card);
    }
    // the vendors differ: Acme performs best, Bright is middling, Nordic has little data
    assertThat(cards.get("ACME-MNL").get("total").decimalValue())
        .isGreaterThan(cards.get("BRIGHT-MX").get("total").decimalValue());
    long acme = cards.get("ACME-MNL").get("interactions").asLong();
    long bright = cards.get("BRIGHT-MX").get("interactions").asLong();
    long nordic = cards.get("NORDIC-BER").get("interactions").asLong();
    assertThat(acme).isBetween(5_000L, 15_000L).isGreaterThan(bright);
    assertThat(bright).isBetween(3_000L, 15_000L).isGreaterThan(nordic);
    assertThat(nordic).isLessThan(1_000L);
    assertThat(
            jdbc.queryForObject(
                "select count(distinct agent_id) from interaction i join vendor v on v.id = i.vendor_id where v.code = 'ACME-MNL'",
                Integer.class))
        .isBetween(10, 20);

    // the vendor's own lead sees it too; the other lead does not
    String acmeId = cards.get("ACME-MNL").get("vendorId").asText();
    assertThat(get("lena", "/api/vendors/" + acmeId + "/scorecard?period=" + current).status())
        .isEqualTo(200);
    assertThat(get("mateo", "/api/vendors/" + acmeId + "/scorecard?period=" + current).status())
        .isEqualTo(404);
  }

  @Test
  void demoInteractionsAreSeededOnce() {
    Integer before = jdbc.queryForObject("select count(*) from interaction", Integer.class);
    Integer rollups =
        jdbc.queryForObject("select count(*) from interaction_daily_rollup", Integer.class);

    demoInteractions.run(new DefaultApplicationArguments());

    assertThat(before).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from interaction", Integer.class))
        .isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from interaction_daily_rollup", Integer.class))
        .isEqualTo(rollups);
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
