package dev.keapgw.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one decision and wording for a connection that is not ACTIVE, in memory. */
@Tag("unit")
class NotActiveWordingTest {
  @Test
  void anActiveConnectionMayGoOn() {
    assertThat(TokenUnavailableException.unlessActive(connection(ConnectionStatus.ACTIVE, null)))
        .isNull();
  }

  @Test
  void aPendingConnectionIsToBeConnected() {
    TokenUnavailableException e =
        TokenUnavailableException.unlessActive(connection(ConnectionStatus.PENDING, null));
    assertThat(e.reason()).isEqualTo(TokenUnavailableException.Reason.PENDING);
    assertThat(e.getMessage())
        .isEqualTo("The connection is not authorized yet: open its url to connect it.");
    assertThat(e.retryAt()).isNull();
  }

  @Test
  void aFailedConnectionIsToBeReconnectedAndSaysWhy() {
    TokenUnavailableException e = TokenUnavailableException.unlessActive(
        connection(ConnectionStatus.FAILED, "the user revoked access"));
    assertThat(e.reason()).isEqualTo(TokenUnavailableException.Reason.FAILED);
    assertThat(e.getMessage())
        .isEqualTo(
            "The connection's authorization is no longer valid (the user revoked access): open its url to reconnect.");
    assertThat(TokenUnavailableException.unlessActive(connection(ConnectionStatus.FAILED, null))
            .getMessage())
        .isEqualTo("The connection's authorization is no longer valid: open its url to reconnect.");
  }

  private static Connection connection(ConnectionStatus status, String failureReason) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new Connection(
        "c1",
        "a1",
        "keap",
        status,
        t,
        t,
        "{}",
        failureReason,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        null,
        0);
  }
}
