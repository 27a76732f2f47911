package dev.keapgw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.proxy.upstream.UpstreamAnswers;
import dev.keapgw.gateway.proxy.upstream.UpstreamRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Which headers cross the proxy, in memory: hop-by-hop ones and those the {@code Connection}
 * header names never cross either way; the caller's credentials, {@code Maton-*} and framing
 * never go upstream; headers that cannot be sent on safely are dropped, never forwarded as they are.
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
    UpstreamRequest upstream = new UpstreamRequest(HttpMethod.GET, "/x");
    Headers.toUpstream(caller, upstream);
    assertThat(upstream.headerNames()).containsExactlyInAnyOrder("X-Tab", "X-Latin", "Accept");
    assertThat(upstream.header("X-Tab")).isEqualTo("a\tb");
  }

  @Test
  void theCallersCredentialsHopByHopAndMatonHeadersNeverGoUpstreamInAnyCase() {
    MultiMap caller = MultiMap.caseInsensitiveMultiMap()
        .add("AUTHORIZATION", "Bearer the-callers-gateway-key")
        .add("x-keap-api-key", "KeapAK-secret")
        .add("Maton-Connection", "c1")
        .add("Host", "gateway.example")
        .add("Content-Length", "5")
        .add("Transfer-Encoding", "chunked")
        .add("Expect", "100-continue")
        .add("X-Request-Id", "spoofed")
        .add("Keep-Alive", "timeout=5")
        .add("TE", "trailers")
        .add("Upgrade", "h2c")
        .add("Proxy-Authorization", "Basic eA==")
        .add("Connection", "keep-alive, X-Private, Upgrade")
        .add("x-private", "only for the next hop")
        .add("Accept", "application/json")
        .add("X-Keap-Trace", "kept");
    UpstreamRequest upstream = new UpstreamRequest(HttpMethod.GET, "/x");
    Headers.toUpstream(caller, upstream);
    assertThat(upstream.headerNames()).containsExactlyInAnyOrder("Accept", "X-Keap-Trace");
  }

  @Test
  void hopByHopHeadersAndThoseConnectionNamesDoNotComeBackToTheCaller() {
    MultiMap caller = MultiMap.caseInsensitiveMultiMap();
    Headers.toCaller(
        UpstreamAnswers.withHeaders(
            "Content-Type", "application/json",
            "Connection", "close, X-Upstream-Internal",
            "X-UPSTREAM-INTERNAL", "secret routing",
            "Keep-Alive", "timeout=5",
            "Transfer-Encoding", "chunked",
            "Content-Length", "12",
            "X-Request-Id", "upstream's",
            "Proxy-Authenticate", "Basic",
            "x-keap-quota-remaining", "99",
            "Set-Cookie", "a=1",
            "Set-Cookie", "b=2"),
        caller);
    assertThat(caller.names())
        .containsExactlyInAnyOrder("Content-Type", "x-keap-quota-remaining", "Set-Cookie");
    assertThat(caller.getAll("set-cookie")).containsExactly("a=1", "b=2");
  }

  @Test
  void connectionNamesOnlyWhatIsNotAlwaysDroppedAnyway() {
    assertThat(Headers.connectionTokens(List.of())).isEmpty();
    assertThat(Headers.connectionTokens(List.of("keep-alive", "Close", " , upgrade")))
        .isEmpty();
    Set<String> named = Headers.connectionTokens(List.of("close, X-A", " x-b "));
    assertThat(named).containsExactlyInAnyOrder("X-A", "x-b");
    assertThat(named.contains("x-a")).as("looked up ignoring case").isTrue();
  }

  @Test
  void namesMatchIgnoringAsciiCaseOnly() {
    Headers.Names names = new Headers.Names("te", "keep-alive");
    assertThat(names.contains("TE")).isTrue();
    assertThat(names.contains("Keep-Alive")).isTrue();
    assertThat(names.contains("keep-alivf")).isFalse();
    assertThat(names.contains("t")).isFalse();
    assertThat(names.contains("a-very-long-header-name")).isFalse();
    // only letters fold: '[' and '{' differ by the same bit as 'E' and 'e'
    assertThat(new Headers.Names("x{").contains("x[")).isFalse();
  }
}
