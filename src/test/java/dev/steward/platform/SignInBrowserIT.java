package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Browser;
import dev.steward.support.BrowserIntegrationTest;
import dev.steward.support.TestProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The login page in a real browser: errors, sign-out, and each role's start page. */
@BrowserIntegrationTest
class SignInBrowserIT {

  @LocalServerPort int port;
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
  void aWrongPasswordShowsTheErrorAndASignedOutUserIsSentToTheLoginPage() {
    browser.open("/dashboard");
    assertThat(browser.path()).isEqualTo("/login");

    browser.find(By.id("username")).sendKeys("rachel");
    browser.find(By.id("password")).sendKeys("not-the-password");
    browser.find(By.cssSelector("main form button[type=submit]")).click();

    assertThat(browser.find(By.id("login-error")).getText()).contains("password is wrong");
    assertThat(browser.path()).isEqualTo("/login?error");
    browser.screenshot("login-error");
  }

  @Test
  void aQaAnalystLandsInTasklistWithoutSigningInTwice() {
    browser.signIn("quinn", TestProperties.DEMO_PASSWORD);

    browser.waitUntil(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/"));
    assertThat(browser.path()).startsWith("/camunda/app/tasklist/");
    // the Spring session signs the user in to the webapps too: Tasklist shows their name
    String signedInAs =
        browser.find(By.cssSelector(".account, [cam-widget-header] .account")).getText();
    assertThat(signedInAs).contains("Quinn");
    browser.screenshot("tasklist-quinn");

    browser.open("/login");
    assertThat(browser.find(By.id("username")).isDisplayed()).isTrue();
  }
}
