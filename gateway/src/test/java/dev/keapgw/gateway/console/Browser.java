package dev.keapgw.gateway.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for the browser tests: Debian's {@code chromium} driven through its
 * {@code chromedriver} (nothing is downloaded). Without them the tests are skipped with a
 * message saying what to install, except under {@code CI=true}, where they must run.
 */
final class Browser {
  static final File CHROMIUM =
      new File(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  static final File DRIVER =
      new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Browser() {}

  /** A new headless browser, or the test skipped (failed under CI) when there is none. */
  static ChromeDriver start() {
    boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
    String missing = "the console's browser tests need Debian's chromium and chromium-driver ("
        + CHROMIUM + ", " + DRIVER + "): apt-get install chromium chromium-driver";
    if (!present) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true and " + missing);
      }
      Assumptions.abort("skipped: " + missing);
    }
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM)
        .addArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--window-size=1200,900",
            "--no-first-run",
            "--disable-extensions",
            "--lang=en-US",
            "--force-device-scale-factor=1",
            "--hide-scrollbars");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER)
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
    return driver;
  }

  /**
   * The system property that asks for the screenshots ({@code -Dconsole.screenshots=true} on the
   * mvn line); without it the tests leave docs/ alone, so a build leaves the tree clean.
   */
  static final String SCREENSHOTS = "console.screenshots";

  /**
   * Saves what the browser shows as {@code docs/<name>.png} in the repository, when {@link
   * #SCREENSHOTS} is true; otherwise does nothing.
   */
  static void screenshot(WebDriver driver, String name) {
    if (!Boolean.getBoolean(SCREENSHOTS)) {
      return;
    }
    byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    try {
      Files.write(docs().resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Like {@link #screenshot}, of the whole page (up to 2400 pixels high) rather than the window. */
  static void screenshotOfThePage(WebDriver driver, String name) {
    if (!Boolean.getBoolean(SCREENSHOTS)) {
      return;
    }
    org.openqa.selenium.Dimension before = driver.manage().window().getSize();
    long height = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), (int)
        Math.min(2400, height + 100)));
    try {
      screenshot(driver, name);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  private static Path docs() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("docs/ARCHITECTURE.md"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(
          "no docs/ARCHITECTURE.md above " + Path.of("").toAbsolutePath());
    }
    return p.resolve("docs");
  }
}
