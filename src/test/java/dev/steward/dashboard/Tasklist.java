package dev.steward.dashboard;

import dev.steward.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Camunda Tasklist (7.24) as a user works it: the task opened from a link ({@code #/?task=<id>}),
 * claimed, its Camunda Form (rendered by form-js) filled in and completed.
 */
final class Tasklist {

  private final Browser browser;

  /** Waits for the task's Camunda Form to render. */
  Tasklist(Browser browser) {
    this.browser = browser;
    browser.waitUntil(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/"));
    browser.find(By.cssSelector(".fjs-form"));
  }

  /** Claims the task if it is not the user's yet (the Claim button only shows then). */
  void claimIfOffered() {
    List<WebElement> claim = browser.driver().findElements(By.cssSelector("button.claim"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      browser.waitUntil(d -> d.findElements(By.cssSelector("button.unclaim")).size() > 0);
    }
    // the form is enabled once the user is the assignee
    browser.waitUntil(d -> d.findElements(By.cssSelector(".fjs-form .fjs-disabled")).isEmpty());
  }

  void chooseRadio(String label) {
    browser
        .find(
            By.xpath(
                "//div[contains(@class,'fjs-form')]//label[normalize-space(.)='" + label + "']"))
        .click();
  }

  /** Types into the form field whose id ends in the form's field id (e.g. Field_PilotScope). */
  void fillTextarea(String fieldId, String text) {
    WebElement area = field("textarea", fieldId);
    // the form shows the variable's current value (e.g. the first approver's reason): replace it
    area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    area.sendKeys(text);
  }

  void fillInput(String fieldId, String text) {
    WebElement input = field("input", fieldId);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  void fillDate(String fieldId, String text) {
    WebElement input = field("input", fieldId);
    input.click();
    input.sendKeys(text);
    input.sendKeys(Keys.ENTER);
    input.sendKeys(Keys.TAB);
  }

  WebElement field(String tag, String fieldId) {
    return browser.find(By.cssSelector(".fjs-form " + tag + "[id*='" + fieldId + "']"));
  }

  /** Clicks Complete once the form is valid. */
  void complete() {
    WebElement button =
        browser.waitUntil(
            d -> {
              WebElement b = d.findElement(By.cssSelector("button.btn-primary[type=submit]"));
              return b.isEnabled() ? b : null;
            });
    browser.script("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }
}
