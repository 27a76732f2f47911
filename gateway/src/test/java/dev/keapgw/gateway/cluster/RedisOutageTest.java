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
 * Redis going away: the limits fail open to per instance (traffic flows, each instance still
 * holds the account to its rate), and they are shared again once Redis is back, without a
 * restart of the gateways.
 */
@Tag("slow")
class RedisOutageTest {
  static final MutableClock CLOCK = new MutableClock("2026-05-01T08:00:00Z");
  static final String PATH = "/keap/crm/rest/v2/oauth/connect/userinfo";
  static RedisEngine redis;
  static Cluster cluster;

  @BeforeAll
  static void start() {
    redis = RedisEngine.start();
    cluster = Cluster.start(
        2,
        PostgresEngine.shared().newDatabase(),
        redis.url(),
        s -> s.withClock(CLOCK),
        g -> g.withClock(CLOCK).withLimits(new GatewayConfig.Limits(10, 0, 0)));
  }

  @AfterAll
  static void stop() {
    cluster.close();
    redis.close();
  }

  @Test
  void limitsFailOpenToPerInstanceWhileRedisIsDownAndAreSharedAgainWhenItReturns()
      throws Exception {
    AccountService.NewAccount acct = cluster.newAccount("outage");
    cluster.activate(acct.account().id());
    assertThat(admitted(acct, 20)).as("shared: 10 for the cluster").isEqualTo(10);

    redis.stop();
    CLOCK.advance(Duration.ofSeconds(10));
    List<Integer> statuses = Burst.send(cluster, acct.key().secret(), 40, PATH);
    assertThat(statuses)
        .as("no request fails because Redis is down")
        .allMatch(s -> s == 200 || s == 429);
    assertThat(statuses.stream().filter(s -> s == 200).count())
        .as("per instance: 10 on each of 2")
        .isEqualTo(20);

    redis.restart();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    int shared;
    do {
      Thread.sleep(
          250); // the client reconnects by itself; poll until both instances use Redis again
      shared = admitted(acct, 20);
    } while (shared != 10 && System.nanoTime() < deadline);
    assertThat(shared).as("shared again after Redis returned").isEqualTo(10);
  }

  /** After a full refill, how many of {@code n} simultaneous requests over the instances pass. */
  private static int admitted(AccountService.NewAccount acct, int n) {
    CLOCK.advance(Duration.ofSeconds(10));
    List<Integer> statuses = Burst.send(cluster, acct.key().secret(), n, PATH);
    assertThat(statuses).allMatch(s -> s == 200 || s == 429);
    return (int) statuses.stream().filter(s -> s == 200).count();
  }
}
