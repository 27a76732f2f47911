package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.EchoUpstream;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pen-test finding 3: a request with both {@code Content-Length} and
 * {@code Transfer-Encoding: chunked} (in any spelling read as chunked) is answered 400 and its
 * connection closed, so the bytes {@code Content-Length} would have covered never run as a
 * second request; nothing of it reaches the upstream; the 400 is the gateway's error envelope.
 * Raw sockets: every byte as written.
 */
class SmugglingTest {
  static final EchoUpstream ECHO = EchoUpstream.start();

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s, g -> g.withApp(g.apps().get("keap").withUpstream(URI.create(ECHO.url()))));

  static AccountService.NewAccount acct;

  @BeforeAll
  static void connect() {
    acct = FIX.newAccount("smuggling");
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
  void bothFramingHeadersAre400AndTheConnectionCloses() {
    for (String te : List.of(
        "chunked", "CHUNKED", " chunked", "chunked, identity", "gzip, chunked", "Chunked ")) {
      for (String path : List.of("/keap/crm/rest/v2/contacts", "/connections")) {
        // the chunked body ends at once; what Content-Length covers is a second request
        String smuggled =
            "GET /keap/crm/rest/v2/smuggled HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key()
                + "\r\n\r\n";
        String body = "0\r\n\r\n" + smuggled;
        String request = "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key()
            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
            + "\r\nTransfer-Encoding:" + te + "\r\n\r\n" + body;
        RawHttp.Exchange x = RawHttp.exchange(
            "127.0.0.1",
            FIX.gateway().port(),
            request.getBytes(StandardCharsets.ISO_8859_1),
            10_000);
        assertThat(x.timedOut())
            .as("the connection was closed: " + te + " " + path)
            .isFalse();
        assertThat(x.responses()).as(te + " " + path + ": " + x.rawText()).hasSize(1);
        assertThat(x.responses().get(0).status()).as(te).isEqualTo(400);
        RawHttp.assertEnvelope(x.responses().get(0), 400, "invalid_request", "Transfer-Encoding");
      }
    }
    assertThat(ECHO.received()).isEmpty();
  }

  @Test
  void eitherHeaderAloneStillWorksOnAKeptAliveConnection() {
    String chunked =
        "POST /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key()
            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
    String sized =
        "POST /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key()
            + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
    RawHttp.Exchange x = RawHttp.exchange(
        "127.0.0.1",
        FIX.gateway().port(),
        (chunked + sized).getBytes(StandardCharsets.ISO_8859_1),
        10_000);
    assertThat(x.responses())
        .as(x.rawText())
        .extracting(RawHttp.Response::status)
        .containsExactly(200, 200);
    assertThat(ECHO.received()).hasSize(2);
  }

  private static String key() {
    return acct.key().secret();
  }
}
