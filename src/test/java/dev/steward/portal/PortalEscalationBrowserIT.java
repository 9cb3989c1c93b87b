package dev.steward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Api;
import dev.steward.support.Browser;
import dev.steward.support.BrowserIntegrationTest;
import dev.steward.support.TestProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lena, Acme Manila's BPO lead, in a real browser: she lands in the portal, files an escalation
 * with one bad field (the API's message appears beside it, her other values stay), fixes it and
 * finds it in her list; the dashboard and Bright Mexico's escalation and task stay closed to her.
 */
@BrowserIntegrationTest
class PortalEscalationBrowserIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  Browser browser;

  @BeforeEach
  void start() {
    browser = Browser.desktop(port);
  }

  @AfterEach
  void stop() {
    browser.close();
  }

  @Test
  void lenaFilesAnEscalationFixesTheBadFieldAndFindsItInHerList() throws Exception {
    String title = "Chat widget drops customers " + UUID.randomUUID().toString().substring(0, 8);
    String impact = "About 25 chats a day lost at the hand-over";

    browser.signIn("lena", TestProperties.DEMO_PASSWORD);
    assertThat(browser.path()).isEqualTo("/portal");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Overview");

    browser.find(By.linkText("File an escalation")).click();
    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/portal/escalations/new"));
    new Select(browser.find(By.id("severity"))).selectByValue("P2");
    new Select(browser.find(By.id("category"))).selectByValue("PRODUCT_ISSUE");
    browser.find(By.id("title")).sendKeys(title);
    browser.find(By.id("customerImpact")).sendKeys(impact);
    // the description is left empty
    browser.find(By.id("file-escalation")).click();

    WebElement error = browser.find(By.id("description-error"));
    // the keyboard focus is on the error summary, whose link leads to the field
    browser.waitUntil(d -> "error-summary".equals(d.switchTo().activeElement().getAttribute("id")));
    assertThat(browser.find(By.cssSelector("#error-summary a")).getAttribute("href"))
        .endsWith("#description");
    String apiMessage = apiMessageForAnEmptyDescription();
    assertThat(error.getText()).isEqualTo(apiMessage);
    WebElement description = browser.find(By.id("description"));
    assertThat(description.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(description.getAttribute("aria-describedby")).isEqualTo("description-error");
    assertThat(browser.find(By.id("error-summary")).getText())
        .contains("description: " + apiMessage);
    // what she typed is still there; the other fields are not marked
    assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo(title);
    assertThat(browser.find(By.id("customerImpact")).getAttribute("value")).isEqualTo(impact);
    assertThat(new Select(browser.find(By.id("severity"))).getFirstSelectedOption().getText())
        .isEqualTo("P2");
    assertThat(browser.find(By.id("title")).getAttribute("aria-invalid")).isNull();
    assertThat(storedTitled(title)).isZero();
    browser.screenshot("portal-escalation-error");

    description.sendKeys("Customers moved from the bot to an agent lose the chat.");
    browser.find(By.id("file-escalation")).click();

    browser.waitUntil(d -> d.getCurrentUrl().matches(".*/portal/escalations/[0-9a-f-]{36}$"));
    assertThat(browser.find(By.id("flash")).getText()).contains("Escalation filed").contains(title);
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(title);
    assertThat(browser.find(By.id("escalation-status")).getText()).isEqualTo("Open");
    assertThat(browser.find(By.cssSelector("main .badge.good, main .badge.warn")).getText())
        .startsWith("First response: ")
        .endsWith(" left");

    browser.find(By.linkText("All escalations")).click();
    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/portal/escalations"));
    assertThat(browser.find(By.id("escalation-table")).getText()).contains(title);
    // exactly one escalation was stored, for Acme, filed by lena
    assertThat(storedTitled(title)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select v.code from escalation e join vendor v on v.id = e.vendor_id"
                    + " where e.title = ? and e.filed_by = 'lena'",
                String.class,
                title))
        .isEqualTo("ACME-MNL");
  }

  @Test
  void lenaCannotOpenTheDashboardNorBrightMexicosEscalationOrTask() {
    String brightId =
        jdbc.queryForObject("select id from vendor where code = 'BRIGHT-MX'", String.class);
    String brightEscalation =
        jdbc.queryForList(
                "select id from escalation where vendor_id = ? order by filed_at",
                String.class,
                brightId)
            .get(0);
    Task brightTask =
        taskService
            .createTaskQuery()
            .processVariableValueEquals("vendorId", brightId)
            .active()
            .list()
            .get(0);

    browser.signIn("lena", TestProperties.DEMO_PASSWORD);

    browser.open("/dashboard");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    browser.open("/portal/escalations/" + brightEscalation);
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
    browser.open("/portal/tasks/" + brightTask.getId());
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
    // her own pages still work
    browser.open("/portal/escalations");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Escalations");
    assertThat(browser.find(By.id("escalation-table")).getText())
        .contains("Refunds stuck for 3 days")
        .doesNotContain("Telephony down at the Monterrey site");
  }

  private int storedTitled(String title) {
    return jdbc.queryForObject(
        "select count(*) from escalation where title = ?", Integer.class, title);
  }

  /** What {@code POST /api/escalations} says about an empty description, for lena. */
  private String apiMessageForAnEmptyDescription() throws Exception {
    String acme =
        jdbc.queryForObject("select id from vendor where code = 'ACME-MNL'", String.class);
    String body =
        """
        {"vendorId":"%s","severity":"P2","category":"PRODUCT_ISSUE","title":"x",
         "description":"","customerImpact":"y"}
        """
            .formatted(acme);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(browser.url("/api/escalations")))
                    .header("Authorization", Api.basic("lena", TestProperties.DEMO_PASSWORD))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(422);
    com.fasterxml.jackson.databind.JsonNode error =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(response.body())
            .get("errors")
            .get(0);
    assertThat(error.get("field").asText()).isEqualTo("description");
    return error.get("message").asText();
  }
}
