package ticketflow.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, as a person uses the webapps; screenshots of every step under
 * target/browser. Where Chromium is not installed the browser tests are skipped, saying how to install it.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String HOW_TO_INSTALL =
      "Browser tests skipped: Chromium is not installed. Install Debian's chromium and chromium-driver "
          + "(apt-get install chromium chromium-driver); .ci/run does, so CI always runs them.";

  final WebDriver driver;
  final WebDriverWait wait;
  private final Path screenshots;
  private final AtomicInteger step = new AtomicInteger();

  private Browser(WebDriver driver, Path screenshots) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    this.screenshots = screenshots;
  }

  /** Skips the calling test, with the install hint, where Chromium is missing. */
  static void assumeInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      System.out.println(HOW_TO_INSTALL);
    }
    Assumptions.assumeTrue(installed, HOW_TO_INSTALL);
  }

  static Browser open(String name) throws IOException {
    return open(name, 1440, 1800);
  }

  /** A window of the given size, as an agent's screen: what fits in it is what they see without scrolling. */
  static Browser open(String name, int width, int height) throws IOException {
    assumeInstalled();
    Path dir = Path.of("target", "browser", name);
    Files.createDirectories(dir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    // The flags this machine needs: headless as root, and no calls to the (closed) outside network.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=" + width + "," + height, "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options), dir);
  }

  Path screenshot(String what) throws IOException {
    Path file = screenshots.resolve(String.format("%02d-%s.png", step.incrementAndGet(), what));
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  void logIntoCamunda(String baseUrl, String app, String user, String password) {
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    WebElement secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    driver.findElement(By.cssSelector("input[autocomplete=username], input#inputUsername, input[ng-model=username], form input[type=text]"))
        .sendKeys(user);
    secret.sendKeys(password);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
  }

  /** Signs out by forgetting the session, so that the next {@link #logIntoCamunda} starts from the login page. */
  void logOut() {
    driver.manage().deleteAllCookies();
    ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  /** Whether the element lies entirely within the window as it is, unscrolled. */
  boolean withinWindow(WebElement element) {
    return (Boolean) ((JavascriptExecutor) driver).executeScript("const r = arguments[0].getBoundingClientRect();"
        + " return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;",
        element);
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Clicks like a person who scrolled the element to the middle of the window first (footers cover the bottom). The
   * element is found again on every try: Tasklist renders the form anew after a claim, which leaves a found one stale.
   */
  void click(By by) {
    // A notification Tasklist shows for a moment (after a claim, say) may lie over it: wait for it to go, as a person would.
    new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(ElementClickInterceptedException.class)
        .ignoring(StaleElementReferenceException.class).until(d -> {
          WebElement clickable = ExpectedConditions.elementToBeClickable(by).apply(d);
          if (clickable == null) {
            return false;
          }
          ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", clickable);
          clickable.click();
          return true;
        });
  }

  static By text(String text) {
    return By.xpath("//*[normalize-space(text())=" + quote(text) + "]");
  }

  static By containingText(String text) {
    return By.xpath("//*[contains(normalize-space(.), " + quote(text) + ") and not(.//*[contains(normalize-space(.), " + quote(text) + ")])]");
  }

  /** XPath string literal for any text, quotes included. */
  static String quote(String s) {
    if (!s.contains("'")) {
      return "'" + s + "'";
    }
    return "concat('" + s.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    driver.quit();
  }
}
