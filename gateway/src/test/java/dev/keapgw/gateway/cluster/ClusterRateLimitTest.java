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
 * An account's rate limit holds for the whole cluster when the instances share Redis: three
 * instances, one injected clock (Bucket4j computes bucket state with the gateway's clock, Redis
 * only stores it), and 60 requests per second spread over the instances.
 */
@Tag("slow")
class ClusterRateLimitTest {
  static final MutableClock CLOCK = new MutableClock("2026-05-01T08:00:00Z");
  static final String PATH = "/keap/crm/rest/v2/oauth/connect/userinfo";
  static Cluster cluster;

  @BeforeAll
  static void start() {
    cluster = Cluster.start(
        3,
        PostgresEngine.shared().newDatabase(),
        RedisEngine.shared().url(),
        s -> s.withClock(CLOCK),
        g -> g.withClock(CLOCK).withLimits(new GatewayConfig.Limits(100, 20, 0)));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void anAccountLimitedToTenPerSecondGetsTenPerSecondFromThreeInstances() {
    AccountService.NewAccount acct = cluster.newAccount("limited");
    cluster.activate(acct.account().id());
    cluster.gateway(0).services().accounts().setRateLimit(acct.account().id(), 10);
    sixtyPerSecond(acct, 2); // spends the burst allowance
    int passed = sixtyPerSecond(acct, 5);
    assertThat(passed).as("requests admitted in 5 s at 10/s").isBetween(43, 57);
  }

  /** 60 requests per second of clock time for {@code seconds}: 6 at once every 100 ms, over the instances. */
  static int sixtyPerSecond(AccountService.NewAccount acct, int seconds) {
    int passed = 0;
    for (int tick = 0; tick < seconds * 10; tick++) {
      List<Integer> statuses = Burst.send(cluster, acct.key().secret(), 6, PATH);
      assertThat(statuses).allMatch(s -> s == 200 || s == 429);
      passed += (int) statuses.stream().filter(s -> s == 200).count();
      CLOCK.advance(Duration.ofMillis(100));
    }
    return passed;
  }
}
