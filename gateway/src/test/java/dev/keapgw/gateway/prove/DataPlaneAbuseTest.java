package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.EchoUpstream;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.TestHttp;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pen-test findings on the data plane, against a recording upstream (the sandbox is the OAuth
 * server): upstream 401s cannot make the gateway hammer the token endpoint and a caller's Keap
 * API key never reaches Keap (2); only the methods {@code Allow} lists are forwarded (6); raw
 * control bytes and {@code #} in the target are refused (11); a request without {@code Host}
 * or with two is refused (12).
 */
class DataPlaneAbuseTest {
  static final EchoUpstream ECHO = EchoUpstream.start();

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s, g -> g.withApp(g.apps().get("keap").withUpstream(URI.create(ECHO.url()))));

  static AccountService.NewAccount acct;

  @BeforeAll
  static void connect() {
    acct = FIX.newAccount("data plane abuse");
    FIX.admin()
        .patch("/admin/accounts/" + acct.account().id(), Map.of("rate_limit_per_second", 10_000));
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
  void upstream401sForceOneRefreshPerConnectionAndAKeapApiKeyIsNeverForwarded() {
    TestHttp me = FIX.as(acct.key().secret());
    assertThat(me.get("/keap/crm/rest/v2/contacts").status()).isEqualTo(200); // a token in memory
    long before = refreshGrants();
    for (int i = 0; i < 30; i++) {
      ECHO.enqueue(EchoUpstream.answer(
          401, MultiMap.caseInsensitiveMultiMap(), "{\"message\":\"Invalid Access Token\"}"));
    }
    TestHttp bogus = new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of("Authorization", "Bearer " + acct.key().secret(), "X-Keap-API-Key", "bogus"));
    for (int i = 0; i < 10; i++) {
      TestHttp.Reply r = bogus.get("/keap/crm/rest/v2/contacts");
      assertThat(r.status()).as(r.body()).isEqualTo(401);
      assertThat(r.body()).contains("Invalid Access Token");
    }
    // one forced refresh, one retry for it: 11 upstream requests (and the first 200), not 20
    // refreshes
    assertThat(refreshGrants() - before).isEqualTo(1);
    assertThat(ECHO.received()).hasSize(1 + 11);
    assertThat(ECHO.received())
        .allSatisfy(r -> assertThat(r.header("X-Keap-API-Key")).isNull());
  }

  @Test
  void onlyTheMethodsAllowListsAreForwarded() {
    for (String method : List.of("trace", "TRACK", "PROPFIND", "PURGE", "get", "Delete")) {
      RawHttp.Response r =
          one(method + " /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
              + acct.key().secret() + "\r\nConnection: close\r\n\r\n");
      assertThat(r.status()).as(method).isEqualTo(405);
      assertThat(r.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE");
      assertThat(r.bodyText()).contains("method_not_allowed");
    }
    assertThat(ECHO.received()).isEmpty();
    for (String method : List.of("GET", "HEAD", "OPTIONS", "DELETE")) {
      assertThat(one(method
                  + " /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + acct.key().secret() + "\r\nConnection: close\r\n\r\n")
              .status())
          .as(method)
          .isEqualTo(200);
    }
  }

  @Test
  void controlBytesAndFragmentsInTheTargetAre400() {
    for (String query :
        List.of("?q=a\u0001b", "?q=a\u007fb", "?q=a\tb", "?q=a#frag", "#frag", "?q=\u001b[31m")) {
      RawHttp.Response r = one("GET /keap/crm/rest/v2/contacts" + query
          + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + acct.key().secret()
          + "\r\nConnection: close\r\n\r\n");
      // some of them the HTTP decoder itself refuses (a plain 400), the rest the gateway (its
      // envelope)
      assertThat(r.status()).as(query).isEqualTo(400);
    }
    assertThat(ECHO.received()).isEmpty();
    assertThat(
            one("GET /keap/crm/rest/v2/contacts?q=a%23b%01 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + acct.key().secret() + "\r\nConnection: close\r\n\r\n")
                .status())
        .isEqualTo(200);
    assertThat(ECHO.last().uri()).isEqualTo("/crm/rest/v2/contacts?q=a%23b%01");
  }

  @Test
  void noHostOrTwoHostsAre400AndCloseTheConnection() {
    String key = acct.key().secret();
    for (String hosts : List.of("", "Host: x\r\nHost: y\r\n", "Host: x\r\nhost: x\r\n")) {
      for (String path : List.of("/keap/crm/rest/v2/contacts", "/connections")) {
        RawHttp.Exchange x = RawHttp.exchange(
            "127.0.0.1",
            FIX.gateway().port(),
            ("GET " + path + " HTTP/1.1\r\n"
                    + hosts + "Authorization: Bearer " + key + "\r\n\r\nGET " + path
                    + " HTTP/1.1\r\nHost: x\r\nAuthorization:"
                    + " Bearer " + key + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1),
            10_000);
        assertThat(x.timedOut()).as(hosts + path).isFalse();
        assertThat(x.responses()).as(hosts + path + ": " + x.rawText()).hasSize(1);
        assertThat(x.responses().get(0).status()).isEqualTo(400);
        RawHttp.assertEnvelope(x.responses().get(0), 400, "invalid_request", "Host");
      }
    }
    assertThat(ECHO.received()).isEmpty();
    // HTTP/1.0 may leave Host out
    assertThat(one("GET /keap/crm/rest/v2/contacts HTTP/1.0\r\nAuthorization: Bearer " + key
                + "\r\n\r\n")
            .status())
        .isEqualTo(200);
  }

  private static long refreshGrants() {
    return FIX.sandboxControl()
        .get("/_sandbox/stats")
        .json()
        .at("/token_grants/refresh_token")
        .asLong();
  }

  private static RawHttp.Response one(String request) {
    RawHttp.Exchange x = RawHttp.exchange(
        "127.0.0.1", FIX.gateway().port(), request.getBytes(StandardCharsets.ISO_8859_1), 10_000);
    assertThat(x.responses()).as(x.rawText()).isNotEmpty();
    return x.responses().get(0);
  }
}
