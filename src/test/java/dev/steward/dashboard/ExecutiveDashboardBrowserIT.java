package dev.steward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.DecisionLog;
import dev.steward.support.Browser;
import dev.steward.support.BrowserIntegrationTest;
import dev.steward.support.TestProperties;
import dev.steward.transition.TransitionProcess;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An executive's morning in a real browser: the dashboard with its charts drawn, a vendor's page,
 * and the pending FJORD-OSL transition approval decided through its Camunda Form in Tasklist.
 */
@BrowserIntegrationTest
class ExecutiveDashboardBrowserIT {

  @LocalServerPort int port;
  @Autowired VendorService vendors;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired DecisionLog decisionLog;

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
  void anExecutiveSeesEveryVendorAndApprovesTheTransitionThroughItsTasklistForm() {
    VendorView fjord = vendors.findByCode("FJORD-OSL").orElseThrow();
    String approvalId =
        taskService
            .createTaskQuery()
            .processVariableValueEquals(TransitionProcess.VENDOR_ID.name(), fjord.id())
            .taskDefinitionKey(TransitionProcess.Elements.SECOND_APPROVAL)
            .singleResult()
            .getId();

    browser.signIn("victor", TestProperties.DEMO_PASSWORD);
    assertThat(browser.path()).isEqualTo("/dashboard");

    // the overview: summary line, one row per vendor with its phase, KPIs against target, charts
    assertThat(DashboardPages.text(browser, "summary-line"))
        .contains("vendors")
        .contains("operating")
        .contains("open escalations")
        .contains("service credits");
    assertThat(browser.find(By.cssSelector("#vendor-ACME-MNL .phase")).getText())
        .isEqualTo("Operating");
    assertThat(browser.find(By.cssSelector("#vendor-BRIGHT-MX .phase")).getText())
        .isEqualTo("Pilot");
    assertThat(browser.find(By.cssSelector("#vendor-ACME-MNL .score")).getText())
        .matches("\\d+\\.\\d");
    assertThat(browser.find(By.cssSelector("#vendor-ACME-MNL .qa")).getText()).contains("95 % CI");
    assertThat(browser.driver().findElements(By.cssSelector("#kpi-matrix td.kpi .badge")))
        .isNotEmpty();
    assertThat(DashboardPages.paintedAlpha(browser, "score-trend")).isPositive();
    assertThat(browser.find(By.id("score-trend")).getDomAttribute("aria-label"))
        .startsWith("Balanced score by quarter")
        .contains("ACME-MNL");
    assertThat(DashboardPages.text(browser, "server-time"))
        .matches("(?s).*Data gathered in \\d+ ms.*");
    browser.fullPageScreenshot("dashboard");

    // the pending approval, with its link into Tasklist
    WebElement approval =
        browser.find(By.cssSelector("#approvals tr.approval[data-task-id='" + approvalId + "']"));
    assertThat(approval.getText()).contains("Second executive approval").contains("FJORD-OSL");

    // drill down into the vendor
    browser.find(By.cssSelector("#vendor-FJORD-OSL th a")).click();
    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/dashboard/vendors/" + fjord.id()));
    assertThat(DashboardPages.text(browser, "phase")).isEqualTo("Operating");
    assertThat(DashboardPages.paintedAlpha(browser, "vendor-trend")).isPositive();
    assertThat(browser.find(By.id("kpis")).getText()).contains("CSAT").contains("target");
    assertThat(browser.find(By.id("phase-history")).getText()).contains("Operating");
    assertThat(browser.find(By.id("decisions")).getText())
        .contains("TRANSITION_APPROVAL")
        .contains("erin");
    browser.fullPageScreenshot("dashboard-vendor-fjord");

    // act in Tasklist: claim, fill the Camunda Form, complete
    String link =
        browser
            .find(By.cssSelector("#approvals li[data-task-id='" + approvalId + "'] a"))
            .getDomAttribute("href");
    assertThat(link).isEqualTo("/camunda/app/tasklist/default/#/?task=" + approvalId);
    browser.find(By.cssSelector("#approvals li[data-task-id='" + approvalId + "'] a")).click();
    try {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.claimIfOffered();
      tasklist.chooseRadio("Approve");
      tasklist.fillTextarea(
          "Field_ApprovalReason", "Second approval: the numbers and ACME-MNL's capacity hold");
      browser.screenshot("tasklist-transition-approval");
      tasklist.complete();
    } catch (RuntimeException e) {
      browser.screenshot("tasklist-transition-approval-failed");
      DashboardPages.saveSource(browser, "tasklist-transition-approval-failed");
      throw e;
    }

    browser.waitUntil(d -> taskService.createTaskQuery().taskId(approvalId).count() == 0);
    HistoricTaskInstance done =
        historyService.createHistoricTaskInstanceQuery().taskId(approvalId).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getAssignee()).isEqualTo("victor");
    List<DecisionLog.Decision> approvals =
        decisionLog.of(fjord.id()).stream()
            .filter(d -> d.kind() == DecisionLog.Kind.TRANSITION_APPROVAL)
            .filter(d -> "victor".equals(d.decidedBy()))
            .toList();
    assertThat(approvals)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.outcome()).isEqualTo("APPROVED");
              assertThat(d.reason()).contains("capacity hold");
            });

    // back on the dashboard the approval is gone; ACME-MNL's page shows its QA by agent
    browser.open("/dashboard");
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("#approvals [data-task-id='" + approvalId + "']")))
        .isEmpty();
    browser.find(By.cssSelector("#vendor-ACME-MNL th a")).click();
    browser.waitUntil(d -> d.getCurrentUrl().contains("/dashboard/vendors/"));
    assertThat(DashboardPages.paintedAlpha(browser, "vendor-trend")).isPositive();
    assertThat(browser.find(By.id("qa-pass-rate")).getText()).endsWith("%");
    assertThat(browser.find(By.id("qa-agents")).getText()).contains("Agent");
    assertThat(browser.find(By.id("escalations")).getText()).contains("Severity");
    browser.fullPageScreenshot("dashboard-vendor");
  }

  @Test
  void onAPhoneTheDashboardFitsTheScreenWidth() {
    try (Browser phone = Browser.phone(port)) {
      phone.signIn("erin", TestProperties.DEMO_PASSWORD);
      assertThat(phone.path()).isEqualTo("/dashboard");
      assertThat(DashboardPages.paintedAlpha(phone, "score-trend")).isPositive();

      phone.fullPageScreenshot("dashboard-phone");
      assertThat(DashboardPages.sidewaysOverflow(phone)).isEmpty();

      // the page's server time reaches the browser (Server-Timing), section by section
      for (int i = 0; i < 5; i++) {
        phone.open("/dashboard");
        DashboardPages.paintedAlpha(phone, "score-trend");
        String timing = DashboardPages.serverTiming(phone);
        System.out.println("Dashboard server timing, load " + (i + 1) + ": " + timing);
        assertThat(timing).contains("data=").contains("total=").contains("scores=");
      }

      phone.find(By.cssSelector("#vendor-ACME-MNL th a")).click();
      phone.waitUntil(d -> d.getCurrentUrl().contains("/dashboard/vendors/"));
      assertThat(DashboardPages.paintedAlpha(phone, "vendor-trend")).isPositive();
      phone.fullPageScreenshot("dashboard-vendor-phone");
      assertThat(DashboardPages.sidewaysOverflow(phone)).isEmpty();
    }
  }
}
