package dev.keapgw.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.client.KeapClient;
import dev.keapgw.client.connections.Connection;
import dev.keapgw.client.connections.ConnectionsApi;
import dev.keapgw.client.error.ConnectionWaitException;
import dev.keapgw.client.error.NotFoundException;
import dev.keapgw.client.support.FakeTime;
import dev.keapgw.client.support.LiveGateway;
import dev.keapgw.gateway.ConnectFlow;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connection management, and waiting for a person to authorize one, on a fake clock. */
class ConnectionsTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  private final FakeTime time = new FakeTime();

  @AfterEach
  void clearFaults() {
    LIVE.sandboxControl().delete("/_sandbox/faults");
  }

  /** A client of a new account of its own, so the lists hold only this test's connections. */
  private KeapClient freshAccount() {
    String key = LIVE.fixture().newAccount("connections").key().secret();
    return KeapClient.gateway(LIVE.url(), key).sleeper(time).clock(time).build();
  }

  @Test
  void createGetListAndDelete() {
    ConnectionsApi connections = freshAccount().connections();
    Connection c = connections.create();
    assertThat(c.status()).isEqualTo("PENDING");
    assertThat(c.app()).isEqualTo("keap");
    assertThat(c.method()).isEqualTo("OAUTH2");
    assertThat(c.url()).contains("session_token=");
    assertThat(c.creationTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    assertThat(connections.get(c.id()).url()).isNotBlank();
    assertThat(c.tokenHealth())
        .as("only GET /connections/{id} sends token_health")
        .isNull();
    assertThat(connections.get(c.id()).tokenHealth()).satisfies(h -> {
      assertThat(h.accessTokenExpiresTime()).as("no token yet").isNull();
      assertThat(h.nextRefreshTime()).as("not ACTIVE").isNull();
      assertThat(h.refreshFailures()).isZero();
    });
    assertThat(connections.list("keap", "PENDING"))
        .extracting(Connection::id)
        .containsExactly(c.id());
    assertThat(connections.list("keap", "ACTIVE")).isEmpty();
    assertThat(connections.delete(c.id()).id()).isEqualTo(c.id());
    assertThatThrownBy(() -> connections.get(c.id())).isInstanceOf(NotFoundException.class);
    assertThat(connections.list()).isEmpty();
  }

  @Test
  void awaitActiveLooksEveryTwoSecondsUntilThePersonHasAuthorized() {
    ConnectionsApi connections = freshAccount().connections();
    Connection c = connections.create();
    time.onSleep(n -> {
      if (n == 2) {
        assertThat(ConnectFlow.open(c.url()).callback().status()).isEqualTo(200);
      }
    });
    Connection active = connections.awaitActive(c.id());
    assertThat(active.isActive()).isTrue();
    assertThat(active.metadata().path("tenant_id").asText()).isNotBlank();
    assertThat(active.tokenHealth().accessTokenExpiresTime()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(active.tokenHealth().nextRefreshTime())
        .isLessThan(active.tokenHealth().accessTokenExpiresTime());
    assertThat(active.tokenHealth().backingOff()).isFalse();
    assertThat(active.tokenHealth().lastRefreshError()).isNull();
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void awaitActiveGivesUpAfterFiveMinutesByDefault() {
    ConnectionsApi connections = freshAccount().connections();
    Connection c = connections.create();
    assertThatThrownBy(() -> connections.awaitActive(c.id()))
        .isInstanceOfSatisfying(ConnectionWaitException.class, e -> {
          assertThat(e.timedOut()).isTrue();
          assertThat(e.connection().status()).isEqualTo("PENDING");
          assertThat(e.getMessage()).contains("still PENDING after 5 min").contains(c.url());
        });
    assertThat(time.sleeps()).hasSize(150).containsOnly(Duration.ofSeconds(2));
  }

  @Test
  void awaitActiveStopsAtOnceWhenTheConnectionFailed() {
    ConnectionsApi connections = freshAccount().connections();
    Connection c = connections.create();
    LIVE.sandboxControl()
        .post(
            "/_sandbox/faults",
            Map.of("kind", "status", "status", 500, "count", 1, "path_prefix", "/token"));
    time.onSleep(n -> {
      if (n == 1) {
        ConnectFlow.open(c.url());
      }
    });
    assertThatThrownBy(() ->
            connections.awaitActive(c.id(), Duration.ofSeconds(30), Duration.ofSeconds(2), x -> {}))
        .isInstanceOfSatisfying(ConnectionWaitException.class, e -> {
          assertThat(e.timedOut()).isFalse();
          assertThat(e.connection().isFailed()).isTrue();
          assertThat(e.getMessage()).contains("FAILED").contains(e.connection().failureReason());
        });
    assertThat(time.sleeps()).isEqualTo(Collections.nCopies(1, Duration.ofSeconds(2)));
  }
}
