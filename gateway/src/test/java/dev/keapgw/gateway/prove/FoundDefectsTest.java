package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.EchoUpstream;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One named example for each defect the hostile-input properties found (so that a regression
 * fails here by name, not only as a shrunk random case): malformed percent-escapes and form
 * bodies on the control plane answered 500, raw UTF-8 in a target reached the upstream
 * re-encoded, an empty {@code Maton-Connection} header was served from the default
 * connection's cache entry, TRACE carried the injected token to an upstream that echoes it, and
 * a request body that broke off was logged as a gateway error.
 */
class FoundDefectsTest {
  static final EchoUpstream ECHO = EchoUpstream.start();

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s, g -> g.withApp(g.apps().get("keap").withUpstream(URI.create(ECHO.url()))));

  static AccountService.NewAccount acct;

  @BeforeAll
  static void connect() {
    acct = FIX.newAccount("defects");
    DirectConnections.activate(FIX, acct.account().id());
  }

  @AfterAll
  static void stop() {
    ECHO.close();
  }

  @BeforeEach
  void clean() {
    ECHO.reset();
  }

  @Test
  void malformedPercentEscapesOnTheControlPlaneAre400NotA500() {
    for (String target : new String[] {
      "/connections?app=%zz",
      "/connections/%zz",
      "/connect?session_token=%zz",
      "/oauth/callback?state=%&code=%ff",
      "/user?x=%"
    }) {
      RawHttp.Response r = one("GET " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
          + key() + "\r\nConnection: close\r\n\r\n");
      assertThat(r.status()).as(target).isEqualTo(400);
      assertThat(r.bodyText())
          .as(target)
          .contains("\"type\":\"invalid_request\"")
          .contains("percent-escape");
    }
  }

  @Test
  void formBodiesOnTheControlPlaneAre400NotA500() {
    for (String body : new String[] {"app=%zz", "a=" + "x".repeat(10_000)}) {
      RawHttp.Response r =
          one("POST /connections HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key()
              + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
              + body.length()
              + "\r\nConnection: close\r\n\r\n" + body);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.bodyText()).contains("JSON");
    }
  }

  @Test
  void rawUtf8InTheTargetReachesTheUpstreamAsTheSameBytes() {
    String sent = HostileCase.utf8AsLatin1(
        "/keap/crm/rest/v2/contacts/Jos\u00e9?filter=given_name==Jos\u00e9");
    RawHttp.Response r = one("GET " + sent + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + key() + "\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(200);
    // the upstream's server, like the gateway's, reads each byte as one char
    assertThat(ECHO.last().uri()).isEqualTo(sent.substring("/keap".length()));
  }

  @Test
  void aTargetThatIsNotUtf8IsRefusedNotAltered() {
    RawHttp.Response r = one(
        "GET /keap/crm/rest/v2/contacts?q=\u00ff\u00fe HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + key() + "\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(400);
    assertThat(ECHO.received()).isEmpty();
  }

  @Test
  void anEmptyMatonConnectionHeaderIsA404EvenWhenTheDefaultIsCached() {
    assertThat(FIX.as(key()).get("/keap/crm/rest/v2/contacts").status())
        .isEqualTo(200); // caches the default
    ECHO.reset();
    RawHttp.Response r =
        one("GET /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key()
            + "\r\nMaton-Connection: \r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(404);
    assertThat(ECHO.received()).isEmpty();
  }

  @Test
  void traceIsNotForwardedSoAnEchoingUpstreamCannotReturnTheToken() {
    // an upstream that honours TRACE answers with the request it received, headers included
    ECHO.enqueue(req -> req.response()
        .putHeader("Content-Type", "message/http")
        .end(req.method() + " " + req.uri()
            + "\r\n"
            + req.headers().entries().stream()
                .map(e -> e.getKey() + ": " + e.getValue() + "\r\n")
                .reduce("", String::concat)));
    RawHttp.Response r =
        one("TRACE /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key()
            + "\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.header("Allow")).contains("GET");
    assertThat(r.bodyText()).doesNotContain("Bearer");
    assertThat(ECHO.received()).isEmpty();
    RawHttp.Response connect = one("CONNECT /keap/crm HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + key() + "\r\nConnection: close\r\n\r\n");
    assertThat(connect.status()).isIn(400, 405);
    assertThat(ECHO.received()).isEmpty();
    ECHO.reset();
    // only the methods Allow lists are forwarded (pen-test finding 6): unknown ones are 405 too
    assertThat(one("PURGE /keap/crm HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key()
                + "\r\nConnection: close\r\n\r\n")
            .status())
        .isEqualTo(405);
    assertThat(ECHO.received()).isEmpty();
  }

  @Test
  void aRequestBodyThatBreaksOffIsNotLoggedAsAGatewayErrorAndNothingGoesUpstream()
      throws Exception {
    try (LogCapture logs = LogCapture.capture()) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", FIX.gateway().port())) {
        s.getOutputStream()
            .write(("POST /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + key()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"given_name\":")
                .getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        Thread.sleep(100);
      }
      // requests on new connections, spread over the event loops: by their answers the close was
      // seen
      for (int i = 0; i < 4; i++) {
        assertThat(
                one("GET /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + key() + "\r\nConnection: close\r\n\r\n")
                    .status())
            .isEqualTo(200);
      }
      assertThat(ECHO.received()).extracting(EchoUpstream.Received::method).containsOnly("GET");
      assertThat(logs.lines())
          .filteredOn(l -> l.level().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
          .isEmpty();
    }
  }

  private static String key() {
    return acct.key().secret();
  }

  private static RawHttp.Response one(String request) {
    RawHttp.Exchange x = RawHttp.exchange(
        "127.0.0.1", FIX.gateway().port(), request.getBytes(StandardCharsets.ISO_8859_1), 10_000);
    assertThat(x.responses()).as(x.rawText()).isNotEmpty();
    return x.responses().get(0);
  }
}
