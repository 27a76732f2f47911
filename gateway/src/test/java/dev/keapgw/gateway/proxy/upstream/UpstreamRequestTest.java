package dev.keapgw.gateway.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An upstream request in memory: which of a caller's headers it takes, how its gateway's own
 * headers replace, and the framing each way of giving the body sets.
 */
@Tag("unit")
class UpstreamRequestTest {
  private final UpstreamRequest request = new UpstreamRequest(HttpMethod.POST, "/crm/rest/v2/x");

  @Test
  void aCallersHeaderIsTakenOnlyWhenItCanBeSentOnAsItIs() {
    assertThat(request.addIfSendable("Accept", "application/json")).isTrue();
    assertThat(request.addIfSendable("X-Tab", "a\tb")).isTrue();
    assertThat(request.addIfSendable("X-Latin", "Jos\u00e9")).isTrue();
    assertThat(request.addIfSendable("X-Bare-Cr", "a\rInjected: yes")).isFalse();
    assertThat(request.addIfSendable("X-Line-Feed", "a\nInjected: yes")).isFalse();
    assertThat(request.addIfSendable("X-Nul", "a\u0000b")).isFalse();
    assertThat(request.addIfSendable("X-Del", "a\u007fb")).isFalse();
    assertThat(request.addIfSendable("X-Lead", " leading space")).isFalse();
    assertThat(request.addIfSendable("", "no name")).isFalse();
    assertThat(request.addIfSendable("Bad Name", "spaces")).isFalse();
    assertThat(request.addIfSendable("Bad:Name", "colon")).isFalse();
    assertThat(request.headerNames()).containsExactlyInAnyOrder("Accept", "X-Tab", "X-Latin");
    assertThat(request.header("x-tab")).isEqualTo("a\tb");
  }

  @Test
  void theGatewaysOwnHeadersReplaceAnyOfTheSameName() {
    request.addIfSendable("X-Request-Id", "the caller's");
    request.set("x-request-id", "the gateway's");
    assertThat(request.header("X-Request-Id")).isEqualTo("the gateway's");
    assertThat(request.headerNames()).hasSize(1);
  }

  @Test
  void aHeldBodyIsSentWithItsLength() {
    request.body(Buffer.buffer("{\"a\":1}"));
    assertThat(request.header("content-length")).isEqualTo("7");
    assertThat(request.header("transfer-encoding")).isNull();
    assertThat(request.streamed()).isFalse();
  }

  @Test
  void aStreamedBodyKeepsTheLengthTheCallerGaveElseItIsChunked() {
    UpstreamRequest sized = new UpstreamRequest(HttpMethod.PUT, "/x").stream(null, 70_000);
    assertThat(sized.header("content-length")).isEqualTo("70000");
    assertThat(sized.header("transfer-encoding")).isNull();
    UpstreamRequest unsized = new UpstreamRequest(HttpMethod.PUT, "/x").stream(null, -1);
    assertThat(unsized.header("transfer-encoding")).isEqualTo("chunked");
    assertThat(unsized.header("content-length")).isNull();
  }

  @Test
  void anEmptyBodyIsAnnouncedAndNoBodyIsNotMentioned() {
    assertThat(new UpstreamRequest(HttpMethod.POST, "/x").emptyBody().header("content-length"))
        .isEqualTo("0");
    UpstreamRequest none = new UpstreamRequest(HttpMethod.GET, "/x");
    assertThat(none.header("content-length")).isNull();
    assertThat(none.header("transfer-encoding")).isNull();
  }
}
