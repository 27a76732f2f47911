package dev.keapgw.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.connection.Connection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenManager}'s single flight, in memory: however many requests want a token of one
 * connection while it is being refreshed, the upstream sees one refresh and everyone gets its
 * result. The token endpoint holds the refresh until every request has asked.
 */
@Tag("unit")
class SingleFlightTest {
  private final RefresherRig rig = new RefresherRig();
  private final Vertx vertx = Vertx.vertx();
  private final TokenManager tokens = new TokenManager(vertx, rig.refresher, rig.policy, rig.clock);

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    rig.close();
  }

  private static List<String> tokensOf(List<Future<ActiveToken>> futures) throws Exception {
    List<String> got = new ArrayList<>();
    for (Future<ActiveToken> f : futures) {
      got.add(
          f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).accessToken());
    }
    return got;
  }

  @Test
  void twentyRequestsForADueTokenCauseOneRefreshAndShareItsResult() throws Exception {
    String id = rig.active("a0", "r0", Duration.ofHours(1));
    rig.clock.advance(Duration.ofMinutes(46));
    Connection c = rig.connection(id);
    rig.upstream.gate = new CountDownLatch(1);

    List<Future<ActiveToken>> waiting = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      waiting.add(tokens.token(c));
    }
    rig.upstream.gate.countDown();

    assertThat(tokensOf(waiting)).hasSize(20).containsOnly("access-1");
    assertThat(rig.upstream.presented).containsExactly("r0");
    assertThat(tokens.token(rig.connection(id)).result().accessToken())
        .as("then from memory, without a refresh")
        .isEqualTo("access-1");
    assertThat(rig.upstream.presented).hasSize(1);
  }

  @Test
  void requestsThatSawOneRejectionShareOneForcedRefreshAndTheCooldownHoldsTheNext()
      throws Exception {
    String id = rig.active("a0", "r0", Duration.ofHours(1));
    assertThat(tokenNow(id)).isEqualTo("a0");
    rig.upstream.gate = new CountDownLatch(1);

    List<Future<ActiveToken>> retrying = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      retrying.add(tokens.afterRejection(id, "a0"));
    }
    rig.upstream.gate.countDown();

    assertThat(tokensOf(retrying)).containsOnly("access-1");
    assertThat(rig.upstream.presented).containsExactly("r0");

    // the new token is refused too: within the cooldown that is the upstream's answer
    assertThat(tokens.mayRetryAfterRejection(id, "access-1")).isFalse();
    assertThat(tokensOf(List.of(tokens.afterRejection(id, "access-1")))).containsOnly("access-1");
    assertThat(rig.upstream.presented).hasSize(1);

    rig.clock.advance(TokenManager.FORCED_REFRESH_COOLDOWN);
    assertThat(tokens.mayRetryAfterRejection(id, "access-1")).isTrue();
    assertThat(tokensOf(List.of(tokens.afterRejection(id, "access-1")))).containsOnly("access-2");
  }

  private String tokenNow(String id) throws Exception {
    return tokensOf(List.of(tokens.token(rig.connection(id)))).get(0);
  }
}
