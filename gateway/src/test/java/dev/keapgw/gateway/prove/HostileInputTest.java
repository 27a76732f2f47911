package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.EchoUpstream;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.GatewayServices;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quicktheories.core.Gen;

/**
 * Hostile input, property-based: raw HTTP over sockets to a real gateway whose upstream is a
 * recording server and whose OAuth server is the sandbox. For every generated request:
 *
 * <ul>
 *   <li>no 5xx (the recording upstream never answers one, so any 5xx is the gateway's own; the
 *       only exception is 501/505 for a request line naming an HTTP version other than 1.0/1.1,
 *       the status RFC 9110 prescribes, given by the HTTP server before any gateway code runs);
 *   <li>nothing reaches any host but the configured upstream: every request the upstream sees
 *       is under its base path, with its own Host, the right connection's token, the caller's
 *       path and query byte for byte, no dot segment, no caller credential and no header line
 *       break; and a request the gateway refused never reaches it (the upstream sees exactly as
 *       many requests as its answers that came back);
 *   <li>no secret in any answer: API keys, the access and refresh tokens the sandbox issued,
 *       the client secret, the admin token, the encryption key.
 * </ul>
 *
 * <p>Each property runs half its examples on a fixed seed (the same cases every run) and half on
 * a random one, printed; {@code -Dprove.seed=N} replays a random half. At least 10 000 cases
 * run in total ({@code -Dprove.cases=N} scales them).
 */
@Tag("slow")
class HostileInputTest {
  static final EchoUpstream ECHO = EchoUpstream.start();

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s,
      g -> g.withLimits(new GatewayConfig.Limits(1_000_000, 1_000_000, 0))
          .withApp(g.apps()
              .get("keap")
              .withUpstream(URI.create(ECHO.url() + DataPlaneRequests.UPSTREAM_BASE))));

  static final long FIXED_SEED = 0x6b656170L;
  static final int TOTAL = Integer.getInteger("prove.cases", 10_000);
  static final AtomicInteger CASES = new AtomicInteger();
  static final java.util.Set<String> RAN = java.util.concurrent.ConcurrentHashMap.newKeySet();
  static final SecretLedger LEDGER = new SecretLedger();
  static Actors actors;
  static long grantsBefore;
  static LogCapture logs;

  @BeforeAll
  static void actors() {
    GatewayServices s = FIX.gateway().services();
    AccountService.NewAccount a = FIX.newAccount("A");
    AccountService.NewAccount b = FIX.newAccount("B");
    AccountService.NewAccount victim = FIX.newAccount("victim");
    AccountService.IssuedKey revoked = s.accounts().createKey(a.account().id(), "revoked");
    s.accounts().revokeKey(revoked.key().id());
    String activeA = DirectConnections.activate(FIX, a.account().id());
    String activeB = DirectConnections.activate(FIX, b.account().id());
    TestHttp.Reply pending = FIX.as(a.key().secret()).post("/connections", Map.of("app", "keap"));
    assertThat(pending.status()).isEqualTo(201);
    actors = new Actors(
        a.key().secret(),
        b.key().secret(),
        revoked.secret(),
        activeA,
        pending.json().at("/connection/connection_id").asText(),
        activeB,
        tokenSeenUpstream(a.key().secret()),
        tokenSeenUpstream(b.key().secret()),
        victim.account().id(),
        GatewayFixture.ADMIN_TOKEN,
        URI.create(ECHO.url()).getPort());
    LEDGER
        .add("api key", a.key().secret())
        .add("api key", b.key().secret())
        .add("api key", revoked.secret())
        .add("api key", victim.key().secret())
        .add("access token", actors.tokenA())
        .add("access token", actors.tokenB())
        .add("refresh token", refreshToken(activeA))
        .add("refresh token", refreshToken(activeB))
        .add("client secret", s.config().apps().get("keap").clientSecret())
        .add("admin token", GatewayFixture.ADMIN_TOKEN)
        .add(
            "encryption key",
            Base64.getEncoder().encodeToString(s.config().keys().primary()));
    grantsBefore = grants();
    logs = LogCapture.capture();
  }

  @AfterAll
  static void afterwards() {
    try {
      logs.close();
      System.out.println("hostile input: " + CASES.get() + " cases in " + RAN + ", "
          + logs.lines().size() + " log lines");
      // a hostile request is the caller's mistake: it never shows up as an error of the gateway
      assertThat(logs.lines())
          .filteredOn(l -> l.level().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
          .isEmpty();
      assertThat(logs.lines())
          .filteredOn(l -> !LEDGER.foundIn(l.text()).isEmpty())
          .isEmpty();
      if (RAN.size() == 5) {
        assertThat(CASES.get()).as("generated cases in this run").isGreaterThanOrEqualTo(TOTAL);
      }
      // no hostile request made the gateway talk to the token endpoint
      assertThat(grants()).isEqualTo(grantsBefore);
      // and the tenants' connections are as they were
      assertThat(FIX.as(actors.keyA()).get("/connections/" + actors.activeA()).status())
          .isEqualTo(200);
      assertThat(FIX.as(actors.keyA()).get("/connections/" + actors.pendingA()).status())
          .isEqualTo(200);
      assertThat(FIX.as(actors.keyB())
              .get("/connections/" + actors.activeB())
              .json()
              .at("/connection/status")
              .asText())
          .isEqualTo("ACTIVE");
      assertThat(FIX.as(actors.keyA()).get("/keap/crm/rest/v2/contacts").status())
          .isEqualTo(200);
    } finally {
      ECHO.close();
    }
  }

  @Test
  void hostilePathsAndTargetForms() {
    run("paths", new DataPlaneRequests(actors).paths(), share(0.30));
  }

  @Test
  void oddQueryStrings() {
    run("queries", new DataPlaneRequests(actors).queryStrings(), share(0.10));
  }

  @Test
  void repeatedConflictingAndOversizedHeaders() {
    run("headers", new DataPlaneRequests(actors).headers(), share(0.25));
  }

  @Test
  void ambiguousBodyFraming() {
    run("framing", new FramingRequests(actors).cases(), share(0.15));
  }

  @Test
  void malformedControlPlaneRequests() {
    run("control", new ControlPlaneRequests(actors).cases(), share(0.20));
  }

  private static int share(double f) {
    return (int) Math.ceil(TOTAL * f);
  }

  private static void run(String name, Gen<HostileCase> gen, int examples) {
    RAN.add(name);
    long fixed = FIXED_SEED ^ name.hashCode();
    Long given = Long.getLong("prove.seed");
    long random = given != null ? given : new java.security.SecureRandom().nextLong();
    System.out.println(name + ": " + examples + " cases, fixed seed " + fixed + ", random seed "
        + random + " (replay: -Dprove.seed=" + random + ")");
    long start = System.nanoTime();
    int before = CASES.get();
    runAtLeast(gen, fixed, examples / 2);
    runAtLeast(gen, random, examples - examples / 2);
    System.out.printf(
        "%s: %d cases in %d ms%n",
        name, CASES.get() - before, (System.nanoTime() - start) / 1_000_000);
  }

  /** QuickTheories skips values it has already tried; runs (on derived seeds) until n cases ran. */
  private static void runAtLeast(Gen<HostileCase> gen, long seed, int n) {
    int target = CASES.get() + n;
    for (int round = 0; CASES.get() < target; round++) {
      qt().withFixedSeed(seed + round)
          .withExamples(target - CASES.get())
          .withShrinkCycles(30)
          .forAll(gen)
          .checkAssert(HostileInputTest::check);
    }
  }

  static void check(HostileCase c) {
    CASES.incrementAndGet();
    ECHO.reset();
    RawHttp.Exchange x = RawHttp.exchange("127.0.0.1", FIX.gateway().port(), c.bytes(), 5_000);
    List<String> problems = new ArrayList<>();
    if (x.timedOut()) {
      problems.add("no complete answer within 5 s; got: " + DataPlaneRequests.shorten(x.rawText()));
    }
    int echoed = 0;
    for (RawHttp.Response r : x.responses()) {
      boolean versionRefused = c.oddVersion() && (r.status() == 501 || r.status() == 505);
      if (r.status() >= 500 && !versionRefused) {
        problems.add(
            "the gateway answered " + r.status() + ": " + DataPlaneRequests.shorten(r.bodyText()));
      }
      List<String> leaked = LEDGER.foundIn(r.text());
      if (!leaked.isEmpty()) {
        problems.add("an answer carries a secret: " + leaked);
      }
      if (r.header(EchoUpstream.MARK) != null) {
        echoed++;
      }
    }
    List<EchoUpstream.Received> got = List.copyOf(ECHO.received());
    if (got.size() != echoed) {
      problems.add("the upstream saw " + got.size() + " requests but " + echoed
          + " of its answers came back");
    }
    for (EchoUpstream.Received g : got) {
      problems.addAll(upstreamProblems(c, g));
    }
    assertThat(problems).as("%s", c).isEmpty();
  }

  private static List<String> upstreamProblems(HostileCase c, EchoUpstream.Received g) {
    List<String> p = new ArrayList<>();
    String uri = g.uri();
    if (c.forwardToken() == null) {
      p.add("reached the upstream although it must not: " + g.method() + " "
          + DataPlaneRequests.shorten(uri));
    } else if (!("Bearer " + c.forwardToken()).equals(g.header("Authorization"))) {
      p.add("the upstream saw a token other than the chosen connection's");
    }
    if (!uri.startsWith(DataPlaneRequests.UPSTREAM_BASE + "/")) {
      p.add("the upstream saw a target outside its base path: " + DataPlaneRequests.shorten(uri));
    }
    if (!URI.create(ECHO.url()).getAuthority().equals(g.header("Host"))
        || g.headers().getAll("Host").size() != 1) {
      p.add("the upstream saw Host " + g.headers().getAll("Host"));
    }
    if (c.upstreamTarget() != null && !c.upstreamTarget().equals(uri)) {
      p.add("the target changed on the way: sent " + DataPlaneRequests.shorten(c.upstreamTarget())
          + ", upstream saw " + DataPlaneRequests.shorten(uri));
    }
    if (uri.contains(FramingRequests.SMUGGLED_PATH.substring("/keap".length()))) {
      p.add("a request smuggled in a body reached the upstream");
    }
    if (hasDotSegment(uri)) {
      p.add("the upstream saw a dot segment: " + DataPlaneRequests.shorten(uri));
    }
    if (g.headers().getAll("Authorization").size() != 1) {
      p.add("the upstream saw " + g.headers().getAll("Authorization").size()
          + " Authorization headers");
    }
    g.headers().forEach(h -> {
      String n = h.getKey().toLowerCase(java.util.Locale.ROOT);
      if (n.startsWith("maton-") || n.equals("proxy-authorization") || n.equals("x-api-key")) {
        p.add("a caller header crossed: " + h.getKey());
      }
      if (h.getValue().indexOf('\r') >= 0 || h.getValue().indexOf('\n') >= 0) {
        p.add("a header value with a line break crossed: " + h.getKey());
      }
    });
    if (LEDGER.foundIn(uri).contains("api key")) {
      p.add("an API key reached the upstream");
    }
    return p;
  }

  /** A {@code .} or {@code ..} segment in the path, raw or once percent-decoded, with / or \ as separators. */
  static boolean hasDotSegment(String uri) {
    String path = uri.indexOf('?') < 0 ? uri : uri.substring(0, uri.indexOf('?'));
    String decoded;
    try {
      decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = path;
    }
    for (String candidate : List.of(path, decoded)) {
      for (String seg : candidate.split("[/\\\\]", -1)) {
        if (seg.equals(".") || seg.equals("..")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String tokenSeenUpstream(String apiKey) {
    ECHO.reset();
    assertThat(FIX.as(apiKey).get("/keap/crm/rest/v2/contacts").status()).isEqualTo(200);
    return ECHO.last().header("Authorization").substring("Bearer ".length());
  }

  private static String refreshToken(String connectionId) {
    GatewayServices s = FIX.gateway().services();
    Connection c = s.connectionRepo().byId(connectionId).orElseThrow();
    return s.secrets()
        .open(c.refreshTokenSealed(), SecretBox.connectionColumn(connectionId, "refresh"));
  }

  private static long grants() {
    return FIX.sandbox().stats().grants("refresh_token")
        + FIX.sandbox().stats().grants("authorization_code");
  }
}
