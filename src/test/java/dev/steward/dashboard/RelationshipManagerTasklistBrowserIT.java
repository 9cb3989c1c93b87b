package dev.steward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.pilot.PilotProcess;
import dev.steward.support.Browser;
import dev.steward.support.BrowserIntegrationTest;
import dev.steward.support.TestProperties;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A relationship manager works a task in Camunda Tasklist through its Camunda Form: rachel plans
 * BRIGHT-MX's pilot, found through her "My tasks" filter.
 */
@BrowserIntegrationTest
class RelationshipManagerTasklistBrowserIT {

  @LocalServerPort int port;
  @Autowired VendorService vendors;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

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
  void rachelPlansThePilotThroughItsFormInTasklist() {
    VendorView bright = vendors.findByCode("BRIGHT-MX").orElseThrow();
    Task plan =
        taskService
            .createTaskQuery()
            .taskDefinitionKey(PilotProcess.Elements.PLAN_PILOT)
            .processVariableValueEquals(PilotProcess.VENDOR_ID.name(), bright.id())
            .singleResult();
    assertThat(plan.getAssignee()).isEqualTo("rachel");

    browser.signIn("rachel", TestProperties.DEMO_PASSWORD);
    assertThat(browser.path()).isEqualTo("/dashboard");
    browser.find(By.linkText("Tasklist")).click();

    // her own filter lists the task (stored filters cannot use ${currentUser()} here)
    browser.find(
        By.xpath("//*[contains(@class,'filters')]//*[contains(normalize-space(.),'My tasks')]"));
    browser.find(By.xpath("//a[contains(normalize-space(.),'Plan the pilot')]"));
    browser.screenshot("tasklist-rm-my-tasks");

    browser.open("/camunda/app/tasklist/default/#/?task=" + plan.getId());
    try {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.claimIfOffered();
      tasklist.fillTextarea("Field_PilotScope", "Spanish voice and chat, billing questions");
      tasklist.fillInput("Field_LiveVolumeSharePercent", "15");
      tasklist.fillDate("Field_StartDate", "12/07/2026");
      tasklist.fillInput("Field_DurationDays", "30");
      browser.screenshot("tasklist-rm-pilot-plan");
      tasklist.complete();
    } catch (RuntimeException e) {
      browser.screenshot("tasklist-rm-pilot-plan-failed");
      DashboardPages.saveSource(browser, "tasklist-rm-pilot-plan-failed");
      throw e;
    }

    browser.waitUntil(d -> taskService.createTaskQuery().taskId(plan.getId()).count() == 0);
    HistoricTaskInstance done =
        historyService.createHistoricTaskInstanceQuery().taskId(plan.getId()).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getAssignee()).isEqualTo("rachel");
    assertThat(variable(plan, "pilotScope")).isEqualTo("Spanish voice and chat, billing questions");
    assertThat(variable(plan, "startDate")).isEqualTo("2026-12-07");
    assertThat(((Number) variable(plan, "durationDays")).intValue()).isEqualTo(30);
  }

  private Object variable(Task task, String name) {
    HistoricVariableInstance variable =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .variableName(name)
            .singleResult();
    assertThat(variable).as(name).isNotNull();
    return variable.getValue();
  }
}
