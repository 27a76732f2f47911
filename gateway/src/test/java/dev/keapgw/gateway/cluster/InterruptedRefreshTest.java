package dev.keapgw.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.engines.Cluster;
import dev.keapgw.gateway.engines.PostgresEngine;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An instance that dies after the upstream answered a refresh and before the rotated tokens
 * were committed: the refresh token it spent is dead and its successor lost. The crash is made
 * on purpose: the database refuses instance A's commit of the new tokens (a trigger), which from
 * the store's side is the same as A dying at that moment. Instance B then leaves the token alone
 * while A's refresh could still be running; after that it presents the token once, the upstream
 * refuses it, and the connection is FAILED with a reason that says to reconnect, never ACTIVE with
 * dead tokens. An instance that died before its refresh token left costs nothing: the token still
 * works, and the connection carries on.
 */
@Tag("slow")
class InterruptedRefreshTest {
  static final MutableClock CLOCK = new MutableClock("2026-05-01T08:00:00Z");
  static final String PATH = "/keap/crm/rest/v2/oauth/connect/userinfo";
  static String dbUrl;
  static Cluster cluster;

  @BeforeAll
  static void start() {
    dbUrl = PostgresEngine.shared().newDatabase();
    cluster = Cluster.start(
        2,
        dbUrl,
        null,
        s -> s.withClock(CLOCK).withTokenTtls(Duration.ofSeconds(60), Duration.ofDays(45)),
        g -> g.withClock(CLOCK).withLimits(new GatewayConfig.Limits(100_000, 100_000, 0)));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aRefreshInterruptedBeforeItsCommitEndsFailedWithAReconnectReason() {
    AccountService.NewAccount acct = cluster.newAccount("crash");
    String id = cluster.activate(acct.account().id());
    TestHttp a = cluster.as(0, acct.key().secret());
    TestHttp b = cluster.as(1, acct.key().secret());
    assertThat(a.get(PATH).status()).isEqualTo(200);

    Jdbi store = Jdbi.create(dbUrl);
    store.useHandle(h -> h.execute("""
        CREATE FUNCTION die_before_commit() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'instance A dies before saving the rotated tokens'; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER die_before_commit BEFORE UPDATE OF access_token_enc ON connections
        FOR EACH ROW WHEN (NEW.access_token_enc IS NOT NULL) EXECUTE FUNCTION die_before_commit();
        """));
    CLOCK.advance(Duration.ofSeconds(61)); // the access token has expired
    long before = cluster.refreshes();
    assertThat(a.get(PATH).status()).as("A's request dies with it").isNotEqualTo(200);
    assertThat(cluster.refreshes())
        .as("the upstream rotated the refresh token")
        .isEqualTo(before + 1);
    store.useHandle(h -> h.execute("DROP TRIGGER die_before_commit ON connections"));

    // soon after: B does not spend the lost refresh token again, it waits for the outcome
    TestHttp.Reply waiting = b.get(PATH);
    assertThat(waiting.status()).isEqualTo(424);
    assertThat(waiting.json().at("/error/connection_status").asText()).isEqualTo("ACTIVE");
    assertThat(waiting.header("Retry-After")).isNotNull();
    assertThat(cluster.refreshes()).isEqualTo(before + 1);

    // once no refresh can still be running, the connection is FAILED and says to reconnect
    CLOCK.advance(Duration.ofMinutes(2));
    TestHttp.Reply failed = b.get(PATH);
    assertThat(failed.status()).isEqualTo(424);
    assertThat(failed.json().at("/error/type").asText()).isEqualTo("connection_not_ready");
    assertThat(failed.json().at("/error/connection_status").asText()).isEqualTo("FAILED");
    assertThat(failed.json().at("/error/message").asText())
        .contains("interrupted")
        .contains("reconnect");
    assertThat(failed.json().at("/error/url").asText())
        .as("the reconnect url")
        .contains("session_token=");
    Connection c = cluster.gateway(1).services().connectionRepo().byId(id).orElseThrow();
    assertThat(c.status()).isEqualTo(ConnectionStatus.FAILED);
    assertThat(c.refreshTokenSealed()).isNull();
    assertThat(c.failureReason()).contains("interrupted");
    assertThat(cluster.refreshes())
        .as("the upstream did not accept the spent token again")
        .isEqualTo(before + 1);
    // and instance A agrees
    assertThat(a.get(PATH).status()).isEqualTo(424);
  }

  @Test
  void anInstanceThatDiedBeforeItsRefreshTokenLeftCostsTheConnectionNothing() {
    AccountService.NewAccount acct = cluster.newAccount("died-early");
    String id = cluster.activate(acct.account().id());
    TestHttp b = cluster.as(1, acct.key().secret());
    assertThat(b.get(PATH).status()).isEqualTo(200);
    // instance A committed its refresh marker and died before sending the refresh token
    Jdbi store = Jdbi.create(dbUrl);
    store.useHandle(h -> h.createUpdate("UPDATE connections SET refresh_started_at = :t,"
            + " refresh_spent_version = token_version WHERE id = :id")
        .bind("t", dev.keapgw.gateway.store.Times.micros(CLOCK.instant()))
        .bind("id", id)
        .execute());
    CLOCK.advance(Duration.ofSeconds(61)); // the access token has expired
    long before = cluster.refreshes();

    TestHttp.Reply waiting = b.get(PATH);
    assertThat(waiting.status()).as("A's refresh could still be running").isEqualTo(424);
    assertThat(waiting.json().at("/error/connection_status").asText()).isEqualTo("ACTIVE");
    assertThat(cluster.refreshes()).isEqualTo(before);

    CLOCK.advance(Duration.ofMinutes(2));
    assertThat(b.get(PATH).status())
        .as("the refresh token never left, so it still works")
        .isEqualTo(200);
    assertThat(cluster.refreshes()).isEqualTo(before + 1);
    Connection c = cluster.gateway(1).services().connectionRepo().byId(id).orElseThrow();
    assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
    Long marker = store.withHandle(
        h -> h.createQuery("SELECT refresh_started_at FROM connections WHERE id = :id")
            .bind("id", id)
            .mapTo(Long.class)
            .one());
    assertThat(marker).as("the marker is cleared").isNull();
  }
}
