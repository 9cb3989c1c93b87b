package dev.steward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bulletin.AcknowledgmentStatus;
import dev.steward.bulletin.BulletinKind;
import dev.steward.bulletin.BulletinProcess;
import dev.steward.bulletin.BulletinService;
import dev.steward.bulletin.BulletinView;
import dev.steward.bulletin.NewBulletin;
import dev.steward.escalation.EscalationCategory;
import dev.steward.escalation.EscalationService;
import dev.steward.escalation.EscalationStatus;
import dev.steward.escalation.EscalationView;
import dev.steward.escalation.NewEscalation;
import dev.steward.escalation.Severity;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.support.Browser;
import dev.steward.support.BrowserIntegrationTest;
import dev.steward.support.TestProperties;
import dev.steward.task.WorkTasks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lena works her portal tasks in a real browser: a bulletin acknowledgment rendered from its
 * Camunda Form, refused with the form's field error, then completed, and gone from her list; a task
 * someone else completed meanwhile says so instead of failing. The bulletins are addressed to Acme
 * only.
 */
@BrowserIntegrationTest
class PortalTaskBrowserIT {

  private static final StewardPrincipal RACHEL =
      new StewardPrincipal("rachel", "Rachel Moreno", Set.of(Role.RELATIONSHIP_MANAGER), null);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired BulletinService bulletins;
  @Autowired WorkTasks workTasks;
  @Autowired EscalationService escalations;

  Browser browser;
  String acme;

  @BeforeEach
  void start() {
    browser = Browser.desktop(port);
    acme = jdbc.queryForObject("select id from vendor where code = 'ACME-MNL'", String.class);
  }

  @AfterEach
  void stop() {
    browser.close();
  }

  @Test
  void lenaAcknowledgesABulletinThroughItsFormAndTheTaskLeavesHerList() {
    BulletinView bulletin = publishToAcme("New returns policy");
    String taskId = acknowledgmentTask(bulletin).getId();

    browser.signIn("lena", TestProperties.DEMO_PASSWORD);
    assertThat(browser.find(By.id("stat-bulletins")).getText())
        .contains("bulletins to acknowledge");
    browser.open("/portal/tasks");
    browser.find(By.cssSelector("a[href='/portal/tasks/" + taskId + "']")).click();
    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/portal/tasks/" + taskId));

    // the bulletin itself, and the form's fields with their labels and proper input types
    assertThat(browser.find(By.id("h-bulletin")).getText()).contains(bulletin.title());
    assertThat(browser.find(By.id("field-acknowledged")).getAttribute("type"))
        .isEqualTo("checkbox");
    assertThat(browser.find(By.cssSelector("label[for=field-acknowledged]")).getText())
        .contains("My team knows this change");
    assertThat(browser.find(By.id("field-ackComment")).getTagName()).isEqualTo("textarea");
    browser.fullPageScreenshot("portal-task");

    // a comment longer than the form allows: the form's 422 error beside the field, text kept
    String tooLong = "x".repeat(2001);
    browser.script("document.getElementById('field-ackComment').value = arguments[0]", tooLong);
    browser.find(By.id("field-acknowledged")).click();
    browser.find(By.id("complete-task")).click();
    assertThat(browser.find(By.id("field-ackComment-error")).getText())
        .isEqualTo("must have at most 2000 characters");
    assertThat(browser.find(By.id("field-ackComment")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.find(By.id("field-ackComment")).getAttribute("value")).isEqualTo(tooLong);
    assertThat(browser.find(By.id("field-acknowledged")).isSelected()).isTrue();
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    browser.find(By.id("field-ackComment")).clear();
    browser.find(By.id("field-ackComment")).sendKeys("Briefed both shifts this morning.");
    browser.find(By.id("complete-task")).click();

    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/portal/tasks"));
    assertThat(browser.find(By.id("flash")).getText()).contains("Acknowledge bulletin");
    assertThat(
            browser.driver().findElements(By.cssSelector("a[href='/portal/tasks/" + taskId + "']")))
        .isEmpty();
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count())
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .taskId(taskId)
                .singleResult()
                .getAssignee())
        .isEqualTo("lena");
    BulletinView.Recipient acmeRow =
        bulletins.get(bulletin.id(), RACHEL).vendors().stream()
            .filter(r -> r.vendorId().equals(acme))
            .findFirst()
            .orElseThrow();
    assertThat(acmeRow.status()).isEqualTo(AcknowledgmentStatus.ACKNOWLEDGED);
    assertThat(acmeRow.comment()).isEqualTo("Briefed both shifts this morning.");
  }

  @Test
  void aTaskCompletedMeanwhileSaysSoInsteadOfFailing() {
    BulletinView bulletin = publishToAcme("Holiday promotion");
    String taskId = acknowledgmentTask(bulletin).getId();
    StewardPrincipal lena = new StewardPrincipal("lena", "Lena Cruz", Set.of(Role.BPO_LEAD), acme);

    browser.signIn("lena", TestProperties.DEMO_PASSWORD);
    browser.open("/portal/tasks/" + taskId);
    browser.find(By.id("field-acknowledged")).click();
    // lena acknowledged it in another tab a moment ago
    workTasks.complete(taskId, Map.of("acknowledged", true), lena);
    browser.find(By.id("complete-task")).click();

    assertThat(browser.find(By.tagName("h1")).getText())
        .isEqualTo("This task is already completed");
    assertThat(browser.find(By.id("task-conflict")).getText())
        .contains("has already been completed");
  }

  @Test
  void lenaConfirmsAResolutionFromTheEscalationsPageThroughItsRadioButtons() {
    StewardPrincipal lena = new StewardPrincipal("lena", "Lena Cruz", Set.of(Role.BPO_LEAD), acme);
    EscalationView filed =
        escalations
            .file(
                new NewEscalation(
                    acme,
                    Severity.P3,
                    EscalationCategory.BILLING,
                    "Invoices show the wrong tax rate "
                        + UUID.randomUUID().toString().substring(0, 8),
                    "Invoices since Monday apply 10 % instead of 12 %.",
                    "Customers ask for corrected invoices"),
                lena,
                null)
            .escalation();
    // Acme's RM (or whoever is on call outside business hours) answers and resolves it
    answerAsRm(filed, Map.of("response", "Checking with finance today."));
    answerAsRm(
        filed,
        Map.of(
            "resolution", "Tax table corrected; invoices re-issued.", "rootCause", "PROCESS_GAP"));
    String confirmId = onlyTask(filed).getId();

    browser.signIn("lena", TestProperties.DEMO_PASSWORD);
    browser.open("/portal/escalations/" + filed.id());
    assertThat(browser.find(By.id("escalation-status")).getText()).isEqualTo("Resolved");
    browser.find(By.cssSelector("#escalation-task a")).click();
    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/portal/tasks/" + confirmId));
    assertThat(browser.find(By.id("h-escalation")).getText()).contains(filed.title());
    assertThat(browser.find(By.cssSelector("#field-decision legend")).getText())
        .startsWith("Is the escalation resolved?");

    // no choice made: the form's required-field error beside the radio group
    browser.find(By.id("complete-task")).click();
    assertThat(browser.find(By.id("field-decision-error")).getText()).isEqualTo("is required");
    assertThat(browser.find(By.id("field-decision")).getAttribute("aria-invalid"))
        .isEqualTo("true");

    browser.find(By.cssSelector("input[name=decision][value=ACCEPTED]")).click();
    browser.find(By.id("field-feedback")).sendKeys("Thanks, all invoices are right again.");
    browser.find(By.id("complete-task")).click();

    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/portal/tasks"));
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("a[href='/portal/tasks/" + confirmId + "']")))
        .isEmpty();
    assertThat(escalations.get(filed.id(), lena).status()).isEqualTo(EscalationStatus.CLOSED);
  }

  private void answerAsRm(EscalationView escalation, Map<String, Object> variables) {
    Task task = onlyTask(escalation);
    taskService.setAssignee(task.getId(), "rachel");
    taskService.complete(task.getId(), variables);
  }

  private Task onlyTask(EscalationView escalation) {
    return taskService
        .createTaskQuery()
        .processInstanceId(escalation.processInstanceId())
        .active()
        .singleResult();
  }

  private BulletinView publishToAcme(String title) {
    return bulletins.publish(
        new NewBulletin(
            title + " " + UUID.randomUUID().toString().substring(0, 8),
            "From Monday, refunds for returns are issued on receipt of the item.\n"
                + "Tell customers they no longer wait for the inspection.",
            BulletinKind.POLICY,
            List.of(acme),
            null,
            null),
        RACHEL);
  }

  private Task acknowledgmentTask(BulletinView bulletin) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(BulletinProcess.businessKey(bulletin.id(), acme))
        .singleResult();
  }
}
