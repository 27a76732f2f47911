package dev.keapgw.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.engines.Cluster;
import dev.keapgw.gateway.engines.PostgresEngine;
import dev.keapgw.gateway.engines.RedisEngine;
import dev.keapgw.sandbox.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three instances on one PostgreSQL, one Redis and one sandbox, all on one injected clock, with
 * access tokens that live 60 s: however many requests on how many instances want a token
 * across an expiry, exactly one refresh reaches the sandbox; the keep-alive sweeper runs on
 * one instance at a time; a key revoked through one instance stops working on all within a second.
 */
@Tag("slow")
class ClusterRefreshTest {
  static final MutableClock CLOCK = new MutableClock("2026-05-01T08:00:00Z");
  static final String PATH = "/keap/crm/rest/v2/oauth/connect/userinfo";
  static Cluster cluster;

  @BeforeAll
  static void start() {
    cluster = Cluster.start(
        3,
        PostgresEngine.shared().newDatabase(),
        RedisEngine.shared().url(),
        s -> s.withClock(CLOCK).withTokenTtls(Duration.ofSeconds(60), Duration.ofDays(45)),
        g -> g.withClock(CLOCK).withLimits(new GatewayConfig.Limits(100_000, 100_000, 0)));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void threeHundredRequestsOverThreeInstancesAcrossTenExpiriesRefreshOncePerExpiry() {
    AccountService.NewAccount acct = cluster.newAccount("single-flight");
    cluster.activate(acct.account().id());
    assertThat(Burst.send(cluster, acct.key().secret(), 30, PATH)).containsOnly(200);
    for (int round = 0; round < 10; round++) {
      long before = cluster.refreshes();
      CLOCK.advance(
          Duration.ofSeconds(45)); // within the refresh margin (half of 60 s) on every instance
      List<Integer> statuses = Burst.send(cluster, acct.key().secret(), 300, PATH);
      assertThat(statuses).as("round %d", round).containsOnly(200);
      assertThat(cluster.refreshes() - before)
          .as("refreshes at the sandbox in round %d", round)
          .isEqualTo(1);
    }
  }

  @Test
  void theKeepAliveSweeperRunsOnOneInstanceAtATime() throws Exception {
    AccountService.NewAccount acct = cluster.newAccount("idle");
    cluster.activate(acct.account().id());
    CLOCK.advance(Duration.ofHours(24));
    int first = cluster
        .gateway(0)
        .sweeper()
        .sweep()
        .toCompletionStage()
        .toCompletableFuture()
        .get();
    assertThat(first).isGreaterThanOrEqualTo(1);
    // the connections are still due (the refreshes run in the background), but the lease is taken
    assertThat(cluster
            .gateway(1)
            .sweeper()
            .sweep()
            .toCompletionStage()
            .toCompletableFuture()
            .get())
        .isZero();
    assertThat(cluster
            .gateway(2)
            .sweeper()
            .sweep()
            .toCompletionStage()
            .toCompletableFuture()
            .get())
        .isZero();
    // the holder stops renewing (it died): once its lease has expired another instance sweeps
    CLOCK.advance(Duration.ofMinutes(31));
    CLOCK.advance(Duration.ofHours(24));
    assertThat(cluster
            .gateway(1)
            .sweeper()
            .sweep()
            .toCompletionStage()
            .toCompletableFuture()
            .get())
        .isGreaterThanOrEqualTo(1);
    assertThat(cluster
            .gateway(0)
            .sweeper()
            .sweep()
            .toCompletionStage()
            .toCompletableFuture()
            .get())
        .isZero();
  }

  @Test
  void aKeyRevokedThroughOneInstanceStopsWorkingOnEveryInstanceWithinASecond() throws Exception {
    AccountService.NewAccount acct = cluster.newAccount("revoked");
    cluster.activate(acct.account().id());
    for (int i = 0; i < cluster.size(); i++) {
      assertThat(cluster.as(i, acct.key().secret()).get(PATH).status())
          .isEqualTo(200); // now cached everywhere
    }
    long revokedAt = System.nanoTime();
    cluster.gateway(0).services().accounts().revokeKey(acct.key().key().id());
    assertThat(cluster.as(0, acct.key().secret()).get(PATH).status())
        .as("at once where it was revoked")
        .isEqualTo(401);
    for (int i = 1; i < cluster.size(); i++) {
      while (cluster.as(i, acct.key().secret()).get(PATH).status() != 401
          && System.nanoTime() - revokedAt < Duration.ofSeconds(3).toNanos()) {
        Thread.sleep(50);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - revokedAt))
          .as("instance %d", i)
          .isLessThan(Duration.ofMillis(1500));
    }
  }
}
