package dev.keapgw.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.engines.Cluster;
import dev.keapgw.gateway.engines.PostgresEngine;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL going away under a running gateway: {@code /readyz} answers 503, requests that
 * need the store answer 503 {@code store_unavailable} in the gateway's envelope (never a 500),
 * and once PostgreSQL is back on the same port and data directory the same gateway serves
 * again, without a restart.
 */
@Tag("slow")
class StoreOutageTest {
  static final String PATH = "/keap/crm/rest/v2/oauth/connect/userinfo";
  static PostgresEngine postgres;
  static Cluster cluster;

  @BeforeAll
  static void start() {
    postgres = PostgresEngine.start();
    cluster = Cluster.start(
        1,
        postgres.newDatabase(),
        null,
        s -> s,
        g -> g.withLimits(new GatewayConfig.Limits(100_000, 100_000, 0)));
  }

  @AfterAll
  static void stop() {
    cluster.close();
    postgres.close();
  }

  @Test
  void aStoreOutageAnswers503AndTheGatewayRecoversWhenItReturns() throws Exception {
    AccountService.NewAccount acct = cluster.newAccount("outage");
    cluster.activate(acct.account().id());
    TestHttp caller = cluster.as(0, acct.key().secret());
    assertThat(caller.get(PATH).status()).isEqualTo(200);
    assertThat(cluster.anonymous(0).get("/readyz").status()).isEqualTo(200);

    postgres.stop();
    TestHttp.Reply ready = cluster.anonymous(0).get("/readyz");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.json().at("/problems/0").asText()).contains("store");
    Thread.sleep(1_100); // what the data plane keeps in memory (at most a second) has expired
    TestHttp.Reply r = caller.get(PATH);
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.json().at("/error/type").asText()).isEqualTo("store_unavailable");
    assertThat(r.json().at("/error/message").asText()).contains("database");
    assertThat(r.header("Retry-After")).isNotNull();
    TestHttp.Reply control = caller.get("/connections");
    assertThat(control.status()).isEqualTo(503);
    assertThat(control.json().at("/error/type").asText()).isEqualTo("store_unavailable");

    postgres.restart();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status;
    do {
      status = cluster.anonymous(0).get("/readyz").status();
    } while (status != 200 && System.nanoTime() < deadline);
    assertThat(status).isEqualTo(200);
    assertThat(caller.get(PATH).status()).isEqualTo(200);
    assertThat(caller.get("/connections").status()).isEqualTo(200);
  }
}
