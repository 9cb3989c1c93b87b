package dev.steward.dashboard;

import dev.steward.support.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the dashboard's browser tests ask of a page: charts drawn, no sideways scrolling. */
final class DashboardPages {

  private DashboardPages() {}

  /**
   * The sum of the alpha channel over the canvas's pixels: 0 for a blank canvas, large once
   * Chart.js has drawn axes, lines and points.
   */
  static long paintedAlpha(Browser browser, String canvasId) {
    browser.waitUntil(
        d -> "true".equals(d.findElement(By.id(canvasId)).getDomAttribute("data-drawn")));
    Number sum =
        (Number)
            browser.script(
                "var c = document.getElementById(arguments[0]);"
                    + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "var s = 0; for (var i = 3; i < d.length; i += 4) { s += d[i]; } return s;",
                canvasId);
    return sum.longValue();
  }

  /**
   * The elements that stick out to the right of the viewport (empty when the page needs no sideways
   * scrolling), and the page's scroll width against the viewport's.
   */
  static String sidewaysOverflow(Browser browser) {
    return (String)
        browser.script(
            "var w = window.innerWidth; var out = [];"
                + "if (document.documentElement.scrollWidth <= w) { return ''; }"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.right > w + 1) {"
                + "    out.push(e.tagName + '.' + e.className + '#' + e.id + ' right=' + r.right); } });"
                + "return 'scrollWidth ' + document.documentElement.scrollWidth + ' > ' + w + ': '"
                + " + out.slice(0, 12).join('; ');");
  }

  /** The page's Server-Timing entries as the browser received them: {@code data=12.3 total=...}. */
  static String serverTiming(Browser browser) {
    return (String)
        browser.script(
            "return performance.getEntriesByType('navigation')[0].serverTiming"
                + ".map(function (t) { return t.name + '=' + t.duration; }).join(' ');");
  }

  static String text(Browser browser, String id) {
    WebElement element = browser.find(By.id(id));
    return element.getText();
  }

  /** Saves the page's HTML next to the screenshots, to see what a failing step saw. */
  static void saveSource(Browser browser, String name) {
    try {
      Files.createDirectories(Browser.SCREENSHOTS);
      Files.writeString(
          Browser.SCREENSHOTS.resolve(name + ".html"), browser.driver().getPageSource());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path screenshot(Browser browser, String name) {
    return browser.screenshot(name);
  }
}
