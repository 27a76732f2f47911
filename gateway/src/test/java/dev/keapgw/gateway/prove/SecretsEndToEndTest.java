package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.config.AccessLogTarget;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every secret of a full run, looked for everywhere it must not be. The run: accounts and keys
 * through the admin API, the connect flow, data requests, a refresh ahead of expiry, an
 * upstream 401 and its retry, a failing token endpoint and its backoff, the keep-alive sweep,
 * the errors of the error table, a dead grant and a reconnect, a revoked key, the operations
 * endpoints. The secrets: API keys, every access and refresh token the OAuth server issued (read
 * from the wire by a {@link TokenTap}), the client secret, the admin token, session tokens,
 * OAuth codes and states, the encryption key. Where they must not be:
 *
 * <ul>
 *   <li>any log line of the JVM, with every logger at DEBUG, from the gateway's start on, and
 *       every line of the access log;
 *   <li>any answer of the gateway, headers and body, except where a secret is the answer itself:
 *       a new key in the answer that creates it, a session token inside a connect url, a state in
 *       the redirect to the authorize page;
 *   <li>the store: every cell of every table holds tokens only as {@code v1.<key id>.} ciphertext
 *       that opens to what the OAuth server issued, and no secret appears in the database files.
 * </ul>
 */
@Tag("slow")
class SecretsEndToEndTest {
  // first, so that the gateway's start is captured too
  static final LogCapture LOGS = LogCapture.atLevel(Level.DEBUG, "io.vertx", "io.netty");
  static final MutableClock CLOCK = new MutableClock("2026-05-01T08:00:00Z");
  static TokenTap tap;
  static java.nio.file.Path accessLog;

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s.withClock(CLOCK).withTokenTtls(Duration.ofSeconds(60), Duration.ofDays(45)), g -> {
        tap = TokenTap.start(g.apps().get("keap").upstreamUrl());
        accessLog = g.dataDir().resolve("access.log");
        // the shared upstream budget refills on this test's clock, which stands still between
        // its steps: it would refuse the retry after the upstream 401 that this run exists to
        // show. The budget is not what this test is about (ratelimit.FairBudgetTest is).
        GatewayConfig.Limits l = g.limits();
        return g.withClock(CLOCK)
            .withLimits(new GatewayConfig.Limits(
                l.accountPerSecond(), l.accountBurst(), 0, l.upstreamSpikePerSecond()))
            .withAccessLog(AccessLogTarget.file(accessLog))
            .withApp(g.apps()
                .get("keap")
                .at(
                    URI.create(tap.url()),
                    g.apps().get("keap").authorizeUrl(),
                    URI.create(tap.url() + "/token")));
      });

  static final String CONTACTS = "/keap/crm/rest/v2/contacts";

  final SecretLedger ledger = new SecretLedger();
  final List<Answer> answers = new ArrayList<>();

  /** One answer of the gateway; {@code shownKey}: the API key this answer exists to show. */
  record Answer(String label, TestHttp.Reply reply, String shownKey) {}

  @AfterAll
  static void stop() {
    LOGS.close();
    tap.close();
  }

  @Test
  void noSecretInAnyLogLineAnswerOrStoredValue() throws Exception {
    FullRun.Result run = new FullRun(FIX, CLOCK, ledger, this::keep).run();
    GatewayServices s = FIX.gateway().services();
    tap.accessTokensIssued().forEach(t -> ledger.add("access token", t));
    tap.refreshTokensIssued().forEach(t -> ledger.add("refresh token", t));
    ledger
        .add("client secret", s.config().apps().get("keap").clientSecret())
        .add("admin token", GatewayFixture.ADMIN_TOKEN)
        .add(
            "encryption key",
            Base64.getEncoder().encodeToString(s.config().keys().primary()));
    // every connect url any answer showed carries a session token
    for (Answer a : answers) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(
              "/connect\\?session_token=([A-Za-z0-9_-]+)")
          .matcher(a.reply.body());
      while (m.find()) {
        ledger.add("session token", m.group(1));
      }
    }
    assertThat(ledger.values("access token")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(ledger.values("refresh token")).hasSizeGreaterThanOrEqualTo(6);

    // a control: a line that does carry a secret, at DEBUG, is seen and caught
    String canary = ledger.values("refresh token").get(0);
    org.slf4j.LoggerFactory.getLogger("dev.keapgw.gateway.prove.canary").debug("canary {}", canary);
    assertThat(LOGS.lines())
        .filteredOn(l -> ledger.foundIn(l.text()).contains("refresh token"))
        .hasSize(1);

    List<String> leaks = new ArrayList<>();
    List<LogCapture.Line> lines =
        LOGS.lines().stream().filter(l -> !l.logger().endsWith(".canary")).toList();
    for (LogCapture.Line l : lines) {
      ledger.foundIn(l.text()).forEach(what -> leaks.add("log line has a " + what + ": " + l));
    }
    List<String> accessLines = accessLogLinesOnceItNames(run.connectionId());
    for (String l : accessLines) {
      ledger.foundIn(l).forEach(what -> leaks.add("access log line has a " + what + ": " + l));
    }
    for (Answer a : answers) {
      ledger
          .foundIn(scrubbed(a))
          .forEach(what -> leaks.add("answer '" + a.label + "' has a " + what));
    }
    assertThat(leaks).isEmpty();
    // the capture saw the gateway at work: a line names the connection, the access log the requests
    assertThat(lines)
        .anyMatch(l ->
            l.text().contains(run.connectionId()) && l.logger().startsWith("dev.keapgw.gateway"));
    assertThat(accessLines).anyMatch(l -> l.contains(" connection=" + run.connectionId() + " "));
    System.out.printf(
        "secrets: %d log lines (%s), %d access log lines, %d answers, %d secrets checked%n",
        lines.size(),
        lines.stream()
            .collect(java.util.stream.Collectors.groupingBy(
                l -> l.level().toString(), java.util.stream.Collectors.counting())),
        accessLines.size(),
        answers.size(),
        ledger.size());

    assertStoredAsCiphertextOnly(run);
  }

  /** The access log's lines once one names the connection (it writes every 0.1 s). */
  private static List<String> accessLogLinesOnceItNames(String connectionId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<String> read = List.of();
    while (System.nanoTime() < deadline) {
      read = java.nio.file.Files.exists(accessLog)
          ? java.nio.file.Files.readAllLines(accessLog)
          : List.of();
      if (read.stream().anyMatch(l -> l.contains(" connection=" + connectionId + " "))) {
        break;
      }
      Thread.sleep(50);
    }
    return read;
  }

  private void assertStoredAsCiphertextOnly(FullRun.Result run) {
    GatewayServices s = FIX.gateway().services();
    List<String> cells = StoreDump.cells(s.db().jdbi());
    for (String cell : cells) {
      assertThat(ledger.foundIn(cell))
          .as(cell.substring(0, Math.min(80, cell.length())))
          .isEmpty();
    }
    String prefix = "v1." + s.config().keys().primaryId() + ".";
    int sealed = 0;
    for (Connection c : s.connectionRepo().list(run.accountId(), null, null)) {
      for (String[] col : new String[][] {
        {"access", c.accessTokenSealed()},
        {"refresh", c.refreshTokenSealed()},
        {"session", c.sessionTokenSealed()}
      }) {
        if (col[1] == null) {
          continue;
        }
        sealed++;
        assertThat(col[1]).startsWith(prefix);
        String plain = s.secrets()
            .open(
                col[1],
                col[0].equals("session")
                    ? ConnectionService.sessionAd(c.id())
                    : SecretBox.connectionColumn(c.id(), col[0]));
        assertThat(col[1]).doesNotContain(plain);
        switch (col[0]) {
          case "access" -> assertThat(tap.accessTokensIssued()).contains(plain);
          case "refresh" -> assertThat(tap.refreshTokensIssued()).contains(plain);
          default -> assertThat(ledger.values("session token")).contains(plain);
        }
      }
    }
    // access and refresh token: an ACTIVE connection holds a session only once its owner asks to
    // reconnect
    assertThat(sealed).isGreaterThanOrEqualTo(2);
    // the ACTIVE connection's access token is the one the upstream saw last
    Connection active = s.connectionRepo().byId(run.connectionId()).orElseThrow();
    List<String> presented = tap.bearersPresented();
    assertThat(s.secrets()
            .open(active.accessTokenSealed(), SecretBox.connectionColumn(active.id(), "access")))
        .isEqualTo(presented.get(presented.size() - 1));
    // what a copy of the database files shows: ids (the scan works), never a secret
    byte[] files = StoreDump.files(FIX.dataDir());
    assertThat(StoreDump.contains(files, run.connectionId()))
        .as("the scan finds plain ids")
        .isTrue();
    for (String kind : List.of(
        "api key",
        "access token",
        "refresh token",
        "client secret",
        "admin token",
        "session token",
        "oauth state",
        "oauth code",
        "encryption key")) {
      for (String secret : ledger.values(kind)) {
        assertThat(StoreDump.contains(files, secret))
            .as("a %s in the database files", kind)
            .isFalse();
      }
    }
  }

  /** The answer as text, less the places where a secret is the point of the answer. */
  private String scrubbed(Answer a) {
    StringBuilder b = new StringBuilder().append(a.reply.status()).append('\n');
    a.reply
        .headers()
        .map()
        .forEach((k, v) -> v.forEach(x -> b.append(k).append(": ").append(x).append('\n')));
    b.append('\n').append(a.reply.body());
    String text = b.toString();
    if (a.shownKey != null) {
      text = text.replace("\"api_key\":\"" + a.shownKey + "\"", "\"api_key\":\"<shown once>\"");
    }
    for (String session : ledger.values("session token")) {
      text = text.replace(
          FIX.gateway().baseUrl() + "/connect?session_token=" + session, "<connect url>");
    }
    if (a.label.startsWith("connect link")) {
      for (String state : ledger.values("oauth state")) {
        text = text.replace(
                "state="
                    + java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8),
                "state=<state>")
            .replace("state=" + state, "state=<state>");
      }
    }
    return text;
  }

  TestHttp.Reply keep(String label, TestHttp.Reply reply, String shownKey) {
    answers.add(new Answer(label, reply, shownKey));
    return reply;
  }
}
