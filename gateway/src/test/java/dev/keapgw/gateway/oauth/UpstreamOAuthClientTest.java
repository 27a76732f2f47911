package dev.keapgw.gateway.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.gateway.config.AppConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OAuth client against a token endpoint on loopback that answers what a test scripts. An
 * access token goes into an Authorization header upstream, so one with a line break in it (which
 * would let the token endpoint add headers to every proxied request) is refused, not stored.
 */
class UpstreamOAuthClientTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void anAccessTokenThatIsNotPrintableAsciiIsRefusedAndAPrintableOneIsTaken() throws Exception {
    String[] answer = {
      "{\"access_token\":\"abc\\r\\nX-Injected: 1\",\"refresh_token\":\"r\",\"expires_in\":3600}"
    };
    int port = vertx
        .createHttpServer()
        .requestHandler(
            req -> req.response().putHeader("Content-Type", "application/json").end(answer[0]))
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .actualPort();
    URI base = URI.create("http://127.0.0.1:" + port);
    AppConfig app =
        AppConfig.keap("id", "secret").at(base, base.resolve("/authorize"), base.resolve("/token"));
    UpstreamOAuthClient client = new UpstreamOAuthClient(
        vertx.createHttpClient(new HttpClientOptions(), new PoolOptions()),
        Duration.ofSeconds(10),
        vertx.getOrCreateContext());

    assertThatThrownBy(() -> client
            .refresh(app, "r")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(TokenEndpointException.class)
        .hasMessageContaining("not printable ASCII")
        .hasMessageNotContaining("abc");

    answer[0] = "{\"access_token\":\"abc.DEF-123\",\"refresh_token\":\"r2\",\"expires_in\":3600}";
    assertThat(client
            .refresh(app, "r")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .accessToken())
        .isEqualTo("abc.DEF-123");
  }
}
