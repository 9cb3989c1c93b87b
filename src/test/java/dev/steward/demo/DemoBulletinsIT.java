package dev.steward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bulletin.BulletinProcess;
import dev.steward.support.TestProperties;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo bulletin: a POLICY bulletin to every active vendor, acknowledged by lena for ACME-MNL,
 * open for the others; never published twice. Same configuration as {@link DemoWorldIT}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:steward-demo;DB_CLOSE_DELAY=-1",
      "steward.demo.enabled=true",
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD
    })
class DemoBulletinsIT {

  @Autowired DemoBulletins demo;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  @Test
  void seedsOnePolicyBulletinAcknowledgedByLenaForAcmeAndOpenForTheOthers() {
    demo.run(new DefaultApplicationArguments());
    demo.run(new DefaultApplicationArguments());

    assertThat(
            jdbc.queryForList(
                "select kind from bulletin where title = ?", String.class, DemoBulletins.TITLE))
        .containsExactly("POLICY");
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            """
            select v.code, r.status, r.acknowledged_by from bulletin_recipient r
            join vendor v on v.id = r.vendor_id join bulletin b on b.id = r.bulletin_id
            where b.title = ? order by v.code
            """,
            DemoBulletins.TITLE);
    assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
    for (Map<String, Object> row : rows) {
      if ("ACME-MNL".equals(row.get("CODE") == null ? row.get("code") : row.get("CODE"))) {
        assertThat(row.values()).contains("ACKNOWLEDGED", "lena");
      } else {
        assertThat(row.values()).contains("OPEN");
      }
    }
    assertThat(rows.stream().filter(r -> r.containsValue("ACME-MNL"))).hasSize(1);
    assertThat(
            taskService
                .createTaskQuery()
                .processDefinitionKey(BulletinProcess.PROCESS_KEY)
                .taskDefinitionKey(BulletinProcess.Elements.ACKNOWLEDGE)
                .count())
        .isEqualTo(rows.size() - 1);
  }
}
