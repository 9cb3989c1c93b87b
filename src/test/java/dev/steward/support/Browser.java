package dev.steward.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by
 * Selenium. Nothing is downloaded: a missing browser fails the test, it is never skipped ({@code
 * .ci/run} installs both packages). Each instance has its own empty profile, so its cookies start
 * empty.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String CHROMIUM =
      System.getProperty("steward.browser.binary", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("steward.browser.driver", "/usr/bin/chromedriver");

  private final String baseUrl;
  private final Path profile;
  private final ChromeDriver driver;

  private Browser(String baseUrl, int width, int height) {
    this.baseUrl = baseUrl;
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException(
          "Browser tests need Debian's chromium and chromium-driver ("
              + CHROMIUM
              + ", "
              + CHROMEDRIVER
              + "): apt-get install chromium chromium-driver (.ci/run does)");
    }
    try {
      this.profile = Files.createTempDirectory("steward-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-GB",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  /** A desktop-sized browser on the application at {@code http://localhost:port}. */
  public static Browser desktop(int port) {
    return new Browser("http://localhost:" + port, 1366, 900);
  }

  /** A phone-sized browser (a 390 px wide viewport). */
  public static Browser phone(int port) {
    return new Browser("http://localhost:" + port, 390, 844);
  }

  public WebDriver driver() {
    return driver;
  }

  public String url(String path) {
    return baseUrl + path;
  }

  public Browser open(String path) {
    driver.get(url(path));
    return this;
  }

  /** Signs in through the login form; afterwards the browser is on the user's start page. */
  public Browser signIn(String username, String password) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitUntil(d -> !d.getCurrentUrl().endsWith("/login"));
    return this;
  }

  public WebElement find(By by) {
    return waitUntil(d -> d.findElement(by));
  }

  public String path() {
    return driver.getCurrentUrl().substring(baseUrl.length());
  }

  public <T> T waitUntil(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition);
  }

  /**
   * The page's {@code h1} once it reads {@code expected} (after a click the old page may still be
   * showing); on timeout the last heading seen, so the assertion that follows says what was there.
   */
  public String heading(String expected) {
    try {
      return waitUntil(
          d -> {
            String text = d.findElement(By.tagName("h1")).getText();
            return text.equals(expected) ? text : null;
          });
    } catch (org.openqa.selenium.TimeoutException e) {
      return driver.findElement(By.tagName("h1")).getText();
    }
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Saves the visible page as {@code target/screenshots/<name>.png} and returns the file. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the whole page, resized to its full height, for the README. */
  public Path fullPageScreenshot(String name) {
    Dimension before = driver.manage().window().getSize();
    Number height = (Number) script("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(before.getWidth(), height.intValue() + 140));
    try {
      return screenshot(name);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
