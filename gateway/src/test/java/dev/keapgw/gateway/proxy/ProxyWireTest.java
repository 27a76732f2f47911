package dev.keapgw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.EchoUpstream;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.TestHttp;
import io.vertx.core.MultiMap;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What crosses the proxy on the wire, asserted at a recording upstream: query strings byte
 * for byte, the injected token, headers that must never cross, framing, and the 401 retry.
 * OAuth still runs against the real sandbox.
 */
class ProxyWireTest {
  static final EchoUpstream ECHO = EchoUpstream.start();

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s, g -> g.withApp(g.apps().get("keap").withUpstream(URI.create(ECHO.url()))));

  static AccountService.NewAccount acct;

  @BeforeAll
  static void connect() {
    acct = FIX.newAccount("wire");
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
  void queryStringGoesUpstreamByteForByte() {
    String q =
        "filter=email%3D%3Dj%2Bdoe%40x.io%3Bgiven_name%3D%3DJo*&order_by=email%20desc&a=%7e&b=+&c=%2B&empty=&x";
    TestHttp.Reply r = FIX.as(acct.key().secret()).get("/keap/crm/rest/v2/contacts?" + q);
    assertThat(r.status()).isEqualTo(200);
    assertThat(ECHO.last().uri()).isEqualTo("/crm/rest/v2/contacts?" + q);
  }

  @Test
  void theConnectionsTokenReplacesTheCallersAuthorizationAndMatonHeadersStayBehind() {
    TestHttp t = new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of(
            "Authorization",
            "Bearer " + acct.key().secret(),
            "Maton-Something",
            "secret-ish",
            "X-Custom",
            "kept",
            "X-Request-Id",
            "req-123"));
    TestHttp.Reply r = t.get("/keap/crm/rest/v2/contacts");
    EchoUpstream.Received got = ECHO.last();
    assertThat(got.header("Authorization"))
        .startsWith("Bearer ")
        .doesNotContain(acct.key().secret());
    assertThat(got.header("Maton-Something")).isNull();
    assertThat(got.header("X-Custom")).isEqualTo("kept");
    assertThat(got.header("X-Request-Id")).isEqualTo("req-123");
    assertThat(r.header("X-Request-Id")).isEqualTo("req-123");
  }

  @Test
  void hopByHopHeadersNeverCrossEitherWay() throws IOException {
    ECHO.enqueue(EchoUpstream.answer(
        200,
        MultiMap.caseInsensitiveMultiMap()
            .add("Keep-Alive", "timeout=5")
            .add("X-Drop-Me", "1")
            .add("Connection", "X-Drop-Me")
            .add("Upgrade", "h2c")
            .add("X-Stays", "yes"),
        "{\"a\":1}"));
    String raw =
        rawExchange("GET /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + acct.key().secret()
            + "\r\nConnection: keep-alive, X-Hop\r\nX-Hop: 1\r\nTE: trailers\r\n"
            + "Proxy-Authorization: Basic abc\r\nUpgrade: websocket\r\n\r\n");
    EchoUpstream.Received got = ECHO.last();
    assertThat(got.header("X-Hop")).isNull();
    assertThat(got.header("TE")).isNull();
    assertThat(got.header("Proxy-Authorization")).isNull();
    assertThat(got.header("Upgrade")).isNull();
    String head = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase();
    assertThat(head)
        .contains("x-stays: yes")
        .doesNotContain("x-drop-me")
        .doesNotContain("keep-alive: timeout")
        .doesNotContain("upgrade:");
    assertThat(head.contains("content-length:") && head.contains("transfer-encoding:"))
        .isFalse();
  }

  @Test
  void contentLengthWithTransferEncodingNeverReachesTheUpstreamAsBoth() throws IOException {
    // The HTTP server drops Content-Length when Transfer-Encoding is present (RFC 9112 §6.3),
    // so the request is read as chunked; what goes upstream must carry one framing only.
    String raw =
        rawExchange("POST /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + acct.key().secret()
            + "\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    assertThat(raw).matches("(?s)HTTP/1.1 [24]\\d\\d .*");
    for (EchoUpstream.Received got : ECHO.received()) {
      assertThat(got.header("Content-Length") != null && got.header("Transfer-Encoding") != null)
          .isFalse();
    }
  }

  @Test
  void anUpstream401RefreshesOnceAndRetriesOnce() {
    long before = FIX.sandbox().stats().grants("refresh_token");
    ECHO.enqueue(EchoUpstream.answer(401, MultiMap.caseInsensitiveMultiMap(), "{\"fault\":{}}"));
    TestHttp.Reply r =
        FIX.as(acct.key().secret()).post("/keap/crm/rest/v2/contacts", "{\"given_name\":\"A\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(ECHO.received()).hasSize(2);
    assertThat(ECHO.received().get(0).header("Authorization"))
        .isNotEqualTo(ECHO.received().get(1).header("Authorization"));
    assertThat(ECHO.received().get(1).bodySha256())
        .isEqualTo(ECHO.received().get(0).bodySha256());
    assertThat(FIX.sandbox().stats().grants("refresh_token")).isEqualTo(before + 1);
  }

  @Test
  void aSecond401IsPassedThroughNotRetriedAgain() {
    // a connection of its own: another test's 401 may have used this minute's forced refresh of the
    // shared one
    AccountService.NewAccount own = FIX.newAccount("second 401");
    DirectConnections.activate(FIX, own.account().id());
    ECHO.enqueue(EchoUpstream.answer(401, MultiMap.caseInsensitiveMultiMap(), "{\"n\":1}"));
    ECHO.enqueue(EchoUpstream.answer(401, MultiMap.caseInsensitiveMultiMap(), "{\"n\":2}"));
    TestHttp.Reply r = FIX.as(own.key().secret()).get("/keap/crm/rest/v2/contacts");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).isEqualTo("{\"n\":2}");
    assertThat(ECHO.received()).hasSize(2);
  }

  @Test
  void tenMegabytesStreamUpAndDown() throws Exception {
    byte[] big = new byte[10 * 1024 * 1024];
    new java.util.Random(7).nextBytes(big);
    String b64 = java.util.Base64.getEncoder().encodeToString(big);
    String sha = java.util.HexFormat.of()
        .formatHex(EchoUpstreamDigest.of(b64.getBytes(StandardCharsets.US_ASCII)));
    ECHO.enqueue(req -> req.response().setChunked(true).end(b64));
    TestHttp.Reply r = FIX.as(acct.key().secret())
        .send("POST", "/keap/crm/rest/v2/files", "application/octet-stream", b64);
    assertThat(r.status()).isEqualTo(200);
    assertThat(ECHO.last().bodyBytes()).isEqualTo(b64.length());
    assertThat(ECHO.last().bodySha256()).isEqualTo(sha);
    assertThat(r.body()).hasSize(b64.length()).isEqualTo(b64);
  }

  private String rawExchange(String request) throws IOException {
    URI u = URI.create(FIX.gateway().baseUrl());
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      StringBuilder b = new StringBuilder();
      byte[] buf = new byte[8192];
      long deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline) {
        int n;
        try {
          n = in.read(buf);
        } catch (java.net.SocketTimeoutException e) {
          break;
        }
        if (n < 0) {
          break;
        }
        b.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        String all = b.toString();
        int end = all.indexOf("\r\n\r\n");
        if (end >= 0) {
          String head = all.substring(0, end).toLowerCase();
          int cl = head.indexOf("content-length:");
          if (cl >= 0) {
            int len = Integer.parseInt(head.substring(
                    cl + 15, head.indexOf('\r', cl) < 0 ? head.length() : head.indexOf('\r', cl))
                .trim());
            if (all.length() >= end + 4 + len) {
              break;
            }
          } else if (all.endsWith("0\r\n\r\n")) {
            break;
          }
        }
      }
      return b.toString();
    }
  }

  /** SHA-256 of bytes, as the echo records it. */
  static final class EchoUpstreamDigest {
    static byte[] of(byte[] b) throws Exception {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    }
  }
}
