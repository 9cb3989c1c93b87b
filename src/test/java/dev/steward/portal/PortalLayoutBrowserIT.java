package dev.steward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Browser;
import dev.steward.support.BrowserIntegrationTest;
import dev.steward.support.TestProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's pages at desktop and phone width: everything lena needs on the overview, no
 * horizontal page overflow on a 390 px phone, and the keyboard reaches the content first.
 */
@BrowserIntegrationTest
class PortalLayoutBrowserIT {

  private static final String[] PAGES = {
    "/portal",
    "/portal/escalations",
    "/portal/escalations/new",
    "/portal/tasks",
    "/portal/qa",
    "/portal/bulletins"
  };

  @LocalServerPort int port;

  @Test
  void theOverviewShowsLenasVendorAtAGlance() {
    try (Browser browser = Browser.desktop(port)) {
      browser.signIn("lena", TestProperties.DEMO_PASSWORD);

      assertThat(browser.find(By.cssSelector(".portal-vendor")).getText())
          .contains("Acme Contact Solutions Manila");
      assertThat(browser.find(By.id("h-escalations")).isDisplayed()).isTrue();
      assertThat(browser.find(By.id("stat-escalations")).getText()).contains("open escalations");
      // the demo's open Acme escalation with its SLA clock
      assertThat(browser.find(By.cssSelector("section[aria-labelledby=h-escalations]")).getText())
          .contains("Refunds stuck for 3 days")
          .containsPattern("(First response|Resolution): ");
      assertThat(browser.find(By.id("h-qa")).isDisplayed()).isTrue();
      assertThat(browser.find(By.id("h-scorecard")).getText()).startsWith("Scorecard ");
      browser.fullPageScreenshot("portal");

      browser.open("/portal/qa");
      assertThat(browser.find(By.id("qa-agents")).getText()).contains("QA score");
      assertThat(browser.find(By.id("scorecard")).getText()).contains("CSAT %");
      browser.fullPageScreenshot("portal-qa");

      // keyboard: the first Tab reaches the skip link, which leads to the content
      browser.open("/portal");
      browser.find(By.tagName("body")).sendKeys(Keys.TAB);
      WebElement focused = browser.driver().switchTo().activeElement();
      assertThat(focused.getText()).isEqualTo("Skip to content");
      assertThat(focused.getAttribute("href")).endsWith("#main");
    }
  }

  private static void phoneViewport(Browser browser, int height) {
    ((ChromeDriver) browser.driver())
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", 390, "height", height, "deviceScaleFactor", 1, "mobile", true));
  }

  @Test
  void noPortalPageOverflowsAPhoneScreen() {
    try (Browser browser = Browser.phone(port)) {
      browser.signIn("lena", TestProperties.DEMO_PASSWORD);
      // headless Chromium keeps windows at least 500 px wide: emulate the phone's 390 px viewport
      phoneViewport(browser, 844);
      browser.open("/portal");
      assertThat(((Number) browser.script("return window.innerWidth")).intValue()).isEqualTo(390);

      for (String page : PAGES) {
        browser.open(page);
        browser.find(By.tagName("h1"));
        Number overflow =
            (Number)
                browser.script(
                    "return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as(page + " overflows by px").isLessThanOrEqualTo(0);
      }
      browser.open("/portal");
      browser.find(By.tagName("h1"));
      Number height = (Number) browser.script("return document.documentElement.scrollHeight");
      phoneViewport(browser, height.intValue());
      browser.screenshot("portal-phone");
      phoneViewport(browser, 844);
    }
  }
}
