package dev.keapgw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.trigger.Receiver;
import dev.keapgw.gateway.trigger.WebhookVerifier;
import dev.keapgw.sandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium against a real gateway in front of the sandbox,
 * whose consent page a person approves by clicking Allow. One browser for the whole class;
 * each test starts signed out. Saves the screenshots in docs/ when asked ({@link Browser#SCREENSHOTS}).
 */
@Tag("slow")
class ConsoleBrowserTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s.withAutoApprove(false).withHookDelay(Duration.ofMillis(20)),
      g -> g.withAllowPrivateDestinations(true));

  static ChromeDriver browser;
  static WebDriverWait wait;
  static AccountService.NewAccount acme;
  static AccountService.NewAccount other;
  static String demoConnection;

  @BeforeAll
  static void start() {
    browser = Browser.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(100));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    acme = FIX.newAccount("Acme Agents");
    other = FIX.newAccount("Other Corp");
    // the demo's connection, made the way a person makes one: its link, Keap's consent page, Allow
    String url = ConnectFlow.create(FIX, acme.key().secret()).path("url").asText();
    demoConnection = url.isEmpty() ? null : connectionOf(acme);
    browser.get(url);
    approveConsent();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void signedOut() {
    browser.get(FIX.gateway().baseUrl() + "/console/assets/console.css");
    browser.manage().deleteAllCookies();
  }

  private static String connectionOf(AccountService.NewAccount a) {
    return FIX.as(a.key().secret())
        .get("/connections")
        .json()
        .path("connections")
        .get(0)
        .path("connection_id")
        .asText();
  }

  /** On the sandbox's consent page: Allow, then the gateway's page saying it is connected. */
  private static void approveConsent() {
    wait.until(ExpectedConditions.elementToBeClickable(
            By.xpath("//button[normalize-space()='Allow']")))
        .click();
    wait.until(ExpectedConditions.titleContains("Connected"));
  }

  private static void signIn(AccountService.NewAccount a) {
    browser.get(FIX.gateway().baseUrl() + "/");
    assertThat(browser.getCurrentUrl()).endsWith("/console");
    field("API key").sendKeys(a.key().secret(), Keys.ENTER);
    wait.until(ExpectedConditions.urlMatches("/console/connections$"));
    cards();
  }

  /** The input a visible label names (the way a person finds it). */
  private static WebElement field(String label) {
    WebElement l = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//label[normalize-space()='" + label + "']")));
    return browser.findElement(By.id(l.getAttribute("for")));
  }

  private static List<WebElement> cards() {
    wait.until(
        d -> d.findElement(By.id("connections")).getAttribute("aria-busy").equals("false"));
    return browser.findElements(By.cssSelector("article.connection"));
  }

  /** The status badge's text on the connection's card, read in one step (the list re-renders as it changes). */
  private static String statusOf(String id) {
    return (String) ((JavascriptExecutor) browser)
        .executeScript(
            "const card = [...document.querySelectorAll('article.connection')].find(c => c.dataset.id === arguments[0]);"
                + " return card ? card.querySelector('.badge').textContent : null;",
            id);
  }

  /** The ids of the cards shown, in one step. */
  @SuppressWarnings("unchecked")
  private static List<String> shownIds() {
    return (List<String>) ((JavascriptExecutor) browser)
        .executeScript(
            "return [...document.querySelectorAll('article.connection')].map(c => c.dataset.id);");
  }

  /** Runs an action that opens a new tab, then {@code inTab} in that tab, and comes back. */
  private static void inNewTab(Runnable opener, Runnable inTab) {
    String console = browser.getWindowHandle();
    Set<String> before = browser.getWindowHandles();
    opener.run();
    wait.until(d -> d.getWindowHandles().size() > before.size());
    String tab = browser.getWindowHandles().stream()
        .filter(h -> !before.contains(h))
        .findFirst()
        .orElseThrow();
    browser.switchTo().window(tab);
    inTab.run();
    browser.close();
    browser.switchTo().window(console);
  }

  @Test
  void signInSeeTheConnectionActiveCreateASecondOneAndDeleteIt() {
    assertThat(demoConnection).isNotNull();
    signIn(acme);
    wait.until(d -> "ACTIVE".equals(statusOf(demoConnection)));
    WebElement card =
        browser.findElement(By.cssSelector("article.connection[data-id='" + demoConnection + "']"));
    assertThat(card.findElement(By.cssSelector("code.conn-id")).getText())
        .isEqualTo(demoConnection);
    assertThat(card.getText())
        .contains("Access token expires", "Next planned refresh", Sandbox.tenantId(1));
    ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");

    inNewTab(
        () -> browser.findElement(By.id("new-connection")).click(),
        ConsoleBrowserTest::approveConsent);
    wait.until(d -> shownIds().size() == 2
        && shownIds().stream().allMatch(id -> "ACTIVE".equals(statusOf(id))));
    assertThat(
            ((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true"))
        .as("the second connection turned ACTIVE without a reload")
        .isEqualTo(true);
    Browser.screenshot(browser, "console-connections");

    String second =
        shownIds().stream().filter(id -> !id.equals(demoConnection)).findFirst().orElseThrow();
    browser.findElement(By.id("delete-" + second)).click();
    WebElement dialog =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-delete")));
    assertThat(dialog.getText()).contains(second);
    browser.findElement(By.id("confirm-delete-ok")).click();
    wait.until(d -> statusOf(second) == null);
    assertThat(FIX.as(acme.key().secret()).get("/connections/" + second).status())
        .isEqualTo(404);
    assertThat(statusOf(demoConnection)).isEqualTo("ACTIVE");
  }

  @Test
  void aConnectionWhoseTokensKeapRevokedShowsFailedAndReconnects() {
    String id =
        ConnectFlow.create(FIX, other.key().secret()).path("connection_id").asText();
    signIn(other);
    wait.until(d -> "PENDING".equals(statusOf(id)));
    inNewTab(
        () -> browser.findElement(By.id("reconnect-" + id)).click(),
        ConsoleBrowserTest::approveConsent);
    wait.until(d -> "ACTIVE".equals(statusOf(id)));

    String tenant = FIX.as(other.key().secret())
        .get("/connections/" + id)
        .json()
        .at("/connection/metadata/tenant_id")
        .asText();
    FIX.sandboxControl().post("/_sandbox/tenants/" + tenant + "/tokens:revoke", "{}");
    assertThat(FIX.as(other.key().secret()).get("/keap/crm/rest/v2/contacts").status())
        .isEqualTo(424);
    wait.until(d -> "FAILED".equals(statusOf(id)));
    assertThat(browser.findElement(By.id("connections")).getText())
        .contains("Needs reconnecting", "no longer accepts");
    Browser.screenshot(browser, "console-failed");

    inNewTab(
        () -> browser.findElement(By.id("reconnect-" + id)).click(),
        ConsoleBrowserTest::approveConsent);
    wait.until(d -> "ACTIVE".equals(statusOf(id)));
    assertThat(FIX.as(other.key().secret()).get("/keap/crm/rest/v2/contacts").status())
        .isEqualTo(200);
  }

  @Test
  void theTrafficPageDrawsItsChartsFromTheRequestsMade() {
    for (int i = 0; i < 12; i++) {
      FIX.as(acme.key().secret()).get("/keap/crm/rest/v2/contacts?page_size=" + (i + 1));
    }
    String lastId =
        FIX.as(acme.key().secret()).get("/keap/crm/rest/v2/contacts/999999").header("X-Request-Id");
    signIn(acme);
    browser.findElement(By.linkText("Traffic")).click();
    wait.until(ExpectedConditions.urlMatches("/console/traffic$"));
    WebElement chart =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("figure.chart svg")));
    assertThat(Long.parseLong(chart.getAttribute("data-requests"))).isGreaterThanOrEqualTo(13);
    assertThat(browser.findElements(By.cssSelector("figure.chart svg rect.c2xx")))
        .isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("figure.chart svg rect.c4xx")))
        .isNotEmpty();
    assertThat(browser.findElement(By.id("recent")).getText())
        .contains(lastId, "/keap/crm/rest/v2/contacts/999999", "page_size=\u2026");
    assertThat(browser.findElement(By.id("traffic")).getText())
        .contains("Latency p99", "Keap quota");
    Browser.screenshot(browser, "console-traffic");
  }

  @Test
  void theOperatorCreatesAKeyShownOnceAndRevokesIt() {
    browser.get(FIX.gateway().baseUrl() + "/console/admin");
    Browser.screenshot(browser, "console-admin-signin");
    field("Admin token").sendKeys(GatewayFixture.ADMIN_TOKEN, Keys.ENTER);
    wait.until(ExpectedConditions.urlMatches("/console/admin/overview$"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("all-connections")));
    assertThat(browser.findElement(By.id("accounts")).getText())
        .contains("Acme Agents", "Other Corp");
    Browser.screenshot(browser, "console-operator");

    browser.findElement(By.id("new-key-" + other.account().id())).click();
    WebElement secret =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key-value")));
    String key = secret.getText();
    assertThat(key).startsWith("kgw_");
    assertThat(FIX.as(key).get("/user").json().at("/account/name").asText())
        .isEqualTo("Other Corp");
    browser.findElement(By.id("new-key-close")).click();
    assertThat(browser.findElement(By.id("new-key-value")).getText())
        .as("shown once")
        .isEmpty();

    String keyId = FIX.as(key).get("/user").json().at("/key/id").asText();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("revoke-" + keyId)))
        .click();
    wait.until(d -> d.findElements(By.id("revoke-" + keyId)).isEmpty());
    assertThat(FIX.as(key).get("/user").status()).isEqualTo(401);
    assertThat(browser.getPageSource()).doesNotContain(key);
  }

  @Test
  void theOperatorSetsAnAccountsRateLimitAndGivesItBackTheDefault() {
    AccountService.NewAccount limited = FIX.newAccount("Limited Co");
    String id = limited.account().id();
    browser.get(FIX.gateway().baseUrl() + "/console/admin");
    field("Admin token").sendKeys(GatewayFixture.ADMIN_TOKEN, Keys.ENTER);
    wait.until(ExpectedConditions.urlMatches("/console/admin/overview$"));
    WebElement rate = field("Rate limit of Limited Co, requests per second");
    assertThat(browser.findElement(By.id("rate-note-" + id)).getText()).isEqualTo("the default");
    rate.clear();
    rate.sendKeys("2");
    browser.findElement(By.id("set-rate-" + id)).click();
    wait.until(d -> "2"
        .equals(d.findElement(By.cssSelector("tr[data-account='" + id + "'] form"))
            .getAttribute("data-rate")));
    assertThat(FIX.admin()
            .get("/admin/accounts/" + id)
            .json()
            .at("/account/rate_limit_per_second")
            .asInt())
        .isEqualTo(2);
    int bucket = 2 + FIX.gateway().services().config().limits().accountBurst();
    var api = FIX.as(limited.key().secret());
    dev.keapgw.sandbox.TestHttp.Reply refused = null;
    for (int i = 0; i <= bucket + 5 && refused == null; i++) {
      var r = api.get("/connections");
      refused = r.status() == 429 ? r : null;
    }
    assertThat(refused).as("the account's new limit holds").isNotNull();
    assertThat(refused.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(bucket));

    wait.until(ExpectedConditions.elementToBeClickable(By.id("default-rate-" + id)))
        .click();
    wait.until(d -> "the default".equals(textOf("rate-note-" + id)));
    assertThat(FIX.admin()
            .get("/admin/accounts/" + id)
            .json()
            .at("/account/rate_limit_per_second")
            .isNull())
        .isTrue();
    assertThat(FIX.anonymous().get("/metrics").body())
        .contains("gateway_console_actions_total{action=\"rate_limit\"} 2.0");
  }

  @Test
  void aBadKeyIsRefusedAndNoSessionStarts() {
    browser.get(FIX.gateway().baseUrl() + "/console");
    Browser.screenshot(browser, "console-signin");
    field("API key").sendKeys("kgw_this-is-not-a-key", Keys.ENTER);
    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
    assertThat(error.getText()).contains("not valid");
    assertThat(error.getAttribute("role")).isEqualTo("alert");
    assertThat(browser.getCurrentUrl()).endsWith("/console");
    assertThat(browser.manage().getCookieNamed("kgw_console")).isNull();
    assertThat(field("API key").getAttribute("value"))
        .as("the field is cleared")
        .isEmpty();
  }

  @Test
  void oneAccountCannotReachAnothersPagesOrData() {
    signIn(other);
    assertThat(shownIds()).doesNotContain(demoConnection);
    assertThat(browser.getPageSource()).doesNotContain(demoConnection);
    // the page's own script, with this session's CSRF token, asking for acme's connection
    Object answer =
        ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        (async () => {
          const s = await (await fetch('/console/api/session')).json();
          const del = await fetch('/console/api/connections/%1$s', {method: 'DELETE',
            headers: {'X-CSRF-Token': s.csrf_token, 'Content-Type': 'application/json'}});
          const traffic = await (await fetch('/console/api/traffic')).text();
          const admin = await fetch('/console/api/admin/overview');
          done([del.status, traffic.includes('%1$s'), admin.status]);
        })();
        """.formatted(demoConnection));
    assertThat(answer).isEqualTo(List.of(404L, false, 401L));
    assertThat(FIX.as(acme.key().secret()).get("/connections/" + demoConnection).status())
        .isEqualTo(200);
    browser.get(FIX.gateway().baseUrl() + "/console/admin/overview");
    assertThat(browser.getCurrentUrl()).endsWith("/console/admin");
  }

  /** The text of the element with this id, or null while there is none (read in one step: the page re-renders). */
  private static String textOf(String id) {
    return (String) ((JavascriptExecutor) browser)
        .executeScript(
            "const e = document.getElementById(arguments[0]); return e ? e.textContent : null;",
            id);
  }

  /** The cells of the table row whose {@code data-<attribute>} is {@code value}, read in one step. */
  @SuppressWarnings("unchecked")
  private static List<String> rowOf(String attribute, String value) {
    return (List<String>) ((JavascriptExecutor) browser)
        .executeScript(
            "const r = document.querySelector('tr[data-' + arguments[0] + '=\"' + arguments[1] + '\"]');"
                + " return r ? [...r.cells].map(c => c.textContent) : null;",
            attribute,
            value);
  }

  /** The delivery rows of the event shown: their status, in one step. */
  @SuppressWarnings("unchecked")
  private static List<String> deliveryStatuses() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [...document.querySelectorAll('#delivery-list tbody tr')].map(r => r.dataset.status);");
  }

  @Test
  void aTriggerMadeOnThePageDeliversAContactAndItsReplay() {
    assertThat(demoConnection).isNotNull();
    try (Receiver receiver = new Receiver()) {
      signIn(acme);
      browser.findElement(By.linkText("Triggers")).click();
      wait.until(ExpectedConditions.urlMatches("/console/triggers$"));
      wait.until(d -> d.findElement(By.id("triggers")).getAttribute("aria-busy").equals("false"));
      new Select(field("Source")).selectByValue("keap");
      field("Event type").clear();
      field("Event type").sendKeys("contact.add");
      wait.until(d -> new Select(field("Connection"))
          .getOptions().stream().anyMatch(o -> demoConnection.equals(o.getAttribute("value"))));
      new Select(field("Connection")).selectByValue(demoConnection);
      field("Destination URL").sendKeys(receiver.url("/contacts"));
      field("Name").sendKeys("New contacts <b>to CRM</b>");
      browser.findElement(By.id("create-trigger")).click();
      WebElement secretBox =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-value")));
      String secret = secretBox.getText();
      assertThat(secret).startsWith("whsec_");
      browser.findElement(By.id("secret-close")).click();
      assertThat(textOf("secret-value")).as("shown once").isEmpty();
      WebElement card = wait.until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.trigger")));
      String trigger = card.getAttribute("data-id");
      assertThat(card.getText())
          .contains(
              "ENABLED", "New contacts <b>to CRM</b>", "contact.add", receiver.url("/contacts"));
      assertThat(browser.findElements(By.cssSelector("article.trigger b")))
          .as("names are text, not markup")
          .isEmpty();
      assertThat(browser.getPageSource()).doesNotContain(secret);

      var contact = FIX.as(acme.key().secret())
          .post(
              "/keap/crm/rest/v2/contacts",
              Map.of(
                  "given_name",
                  "Grace",
                  "email_addresses",
                  List.of(Map.of("email", "grace@example.com", "field", "EMAIL1"))));
      assertThat(contact.status()).as(contact.body()).isIn(200, 201);
      Receiver.await(
          Duration.ofSeconds(20),
          "the contact.add delivery",
          () -> receiver.hits("/contacts").size() == 1);
      Receiver.Hit hit = receiver.hits("/contacts").get(0);
      assertThat(WebhookVerifier.verify(
              secret,
              hit.header("webhook-id"),
              hit.header("webhook-timestamp"),
              hit.header("webhook-signature"),
              hit.body(),
              Instant.now()))
          .as("signed with the secret shown")
          .isTrue();
      String event = hit.header("webhook-id");

      browser.findElement(By.id("events-" + trigger)).click();
      wait.until(d -> {
        List<String> row = rowOf("event", event);
        return row != null && row.get(3).equals("1");
      });
      assertThat(rowOf("event", event).get(1)).isEqualTo("contact.add");
      assertThat(rowOf("event", event).get(2))
          .contains("contact " + contact.json().path("id").asText());
      browser.findElement(By.id("open-event-" + event)).click();
      wait.until(d -> List.of("SUCCEEDED").equals(deliveryStatuses()));
      assertThat(browser.findElement(By.id("delivery-list")).getText())
          .contains(receiver.url("/contacts"))
          .containsPattern("200 in [0-9,]+ ms");
      assertThat(browser.findElement(By.id("payload")).getText())
          .contains("\"event_key\": \"contact.add\"");
      Browser.screenshotOfThePage(browser, "console-triggers");

      browser.findElement(By.id("replay")).click();
      Receiver.await(
          Duration.ofSeconds(20), "the replay", () -> receiver.hits("/contacts").size() == 2);
      assertThat(receiver.hits("/contacts").get(1).header("webhook-id")).isEqualTo(event);
      wait.until(d -> List.of("SUCCEEDED", "SUCCEEDED").equals(deliveryStatuses()));
      assertThat(browser.findElement(By.id("delivery-list")).getText()).contains("(replay)");

      // an event whose payload carries markup (Keap's body is untrusted): shown as text
      String hookUrl = FIX.as(acme.key().secret())
          .get("/keap/crm/rest/v1/hooks")
          .json()
          .get(0)
          .path("hookUrl")
          .asText();
      var forged = new dev.keapgw.sandbox.TestHttp("", Map.of())
          .send(
              "POST",
              hookUrl,
              "application/json",
              "{\"event_key\":\"contact.add\",\"object_type\":\"contact\",\"object_keys\":[{\"id\":"
                  + "\"<img src=x id=injected>\",\"apiUrl\":\"<script>window.pwned=1</script>\"}]}");
      assertThat(forged.status()).isEqualTo(200);
      Receiver.await(
          Duration.ofSeconds(20),
          "the forged event's delivery",
          () -> receiver.hits("/contacts").size() == 3);
      String third = receiver.hits("/contacts").get(2).header("webhook-id");
      wait.until(d -> rowOf("event", third) != null);
      assertThat(rowOf("event", third).get(2)).isEqualTo("contact <img src=x id=injected>");
      browser.findElement(By.id("open-event-" + third)).click();
      wait.until(d -> textOf("payload") != null && textOf("payload").contains("window.pwned=1"));
      assertThat(browser.findElements(By.id("injected"))).isEmpty();
      assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
          .isEqualTo(true);

      browser.findElement(By.id("delete-trigger-" + trigger)).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-delete")));
      browser.findElement(By.id("confirm-delete-ok")).click();
      wait.until(d -> d.findElements(By.cssSelector("article.trigger[data-id='" + trigger + "']"))
          .isEmpty());
      assertThat(FIX.as(acme.key().secret()).get("/triggers/" + trigger).status())
          .isEqualTo(404);
    }
  }

  @Test
  void noConsolePageWorksWithoutASession() {
    for (String page : List.of("/console/connections", "/console/traffic", "/console/triggers")) {
      browser.get(FIX.gateway().baseUrl() + page);
      assertThat(browser.getCurrentUrl()).as(page).endsWith("/console");
      field("API key");
    }
    browser.get(FIX.gateway().baseUrl() + "/console/admin/overview");
    assertThat(browser.getCurrentUrl()).endsWith("/console/admin");
    field("Admin token");
    // signed in, then out: the pages close again
    signIn(acme);
    browser.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.urlMatches("/console$"));
    browser.get(FIX.gateway().baseUrl() + "/console/traffic");
    assertThat(browser.getCurrentUrl()).endsWith("/console");
  }
}
