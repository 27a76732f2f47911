package dev.keapgw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the header filter lets through to the upstream when the caller's headers are odd: names
 * that are not tokens and values with control characters (a bare CR could end a line at an
 * upstream that reads it as a break) are dropped, never forwarded as they are.
 */
@Tag("unit")
class HeadersTest {
  @Test
  void headersThatCannotBeSentOnSafelyAreDroppedAndTheRestCross() {
    MultiMap caller = MultiMap.caseInsensitiveMultiMap()
        .add("X-Bare-Cr", "a\rInjected: yes")
        .add("X-Line-Feed", "a\nInjected: yes")
        .add("X-Nul", "a\u0000b")
        .add("X-Del", "a\u007fb")
        .add("", "no name")
        .add("Bad Name", "spaces")
        .add("X-Tab", "a\tb")
        .add("X-Latin", "Jos\u00e9")
        .add("Accept", "application/json");
    HttpHeaders upstream =
        DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
    Headers.toUpstream(caller, upstream);
    assertThat(upstream.names()).containsExactlyInAnyOrder("X-Tab", "X-Latin", "Accept");
    assertThat(upstream.get("X-Tab")).isEqualTo("a\tb");
  }
}
