package dev.keapgw.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one mapping from failures to answers, in memory. */
@Tag("unit")
class FailuresTest {
  @Test
  void aGatewayExceptionIsAnsweredAsItIs() {
    GatewayException thrown = GatewayException.notFound("No such connection").header("X-A", "b");
    assertThat(Failures.answer(thrown, "GET /x", "r1")).isSameAs(thrown);
  }

  @Test
  void anUnreachableStoreIsA503WithRetryAfterWhereverItIsWrapped() {
    Throwable deep = new RuntimeException(
        "jdbi", new SQLException("pool", new SQLTransientConnectionException("down")));
    GatewayException e = Failures.answer(deep, "GET /connections", "r2");
    assertThat(e.type()).isEqualTo(ErrorType.STORE_UNAVAILABLE);
    assertThat(e.type().status()).isEqualTo(503);
    assertThat(e.headers()).containsEntry("Retry-After", "5");
    assertThat(Failures.answer(new SQLException("gone", "08006"), "x", "r").type())
        .isEqualTo(ErrorType.STORE_UNAVAILABLE);
    assertThat(Failures.answer(new SQLException("shutting down", "57P01"), "x", "r")
            .type())
        .isEqualTo(ErrorType.STORE_UNAVAILABLE);
  }

  @Test
  void anythingElseIsOne500WhoseMessageNeverCarriesTheExceptionsText() {
    GatewayException e =
        Failures.answer(new IllegalStateException("token=secret-abc"), "the data plane", "r3");
    assertThat(e.type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(e.type().status()).isEqualTo(500);
    assertThat(e.getMessage()).isEqualTo(Failures.INTERNAL_MESSAGE).doesNotContain("secret");
    assertThat(Failures.answer(new SQLException("syntax", "42000"), "x", "r").type())
        .isEqualTo(ErrorType.INTERNAL);
  }

  @Test
  void aConnectionThatIsNotReadyIsA424WithWhatToDo() {
    GatewayException e = Failures.connectionNotReady(
        "The connection is not authorized yet.",
        "c1",
        "PENDING",
        "http://gw/connect?session_token=t",
        Duration.ofMillis(1500));
    assertThat(e.type().status()).isEqualTo(424);
    assertThat(e.getMessage())
        .isEqualTo(
            "The connection is not authorized yet. Connect url: http://gw/connect?session_token=t");
    assertThat(e.fields())
        .containsEntry("connection_id", "c1")
        .containsEntry("connection_status", "PENDING")
        .containsEntry("url", "http://gw/connect?session_token=t");
    assertThat(e.headers()).containsEntry("Retry-After", "2");

    GatewayException deleted =
        Failures.connectionNotReady("The connection was deleted.", null, "FAILED", null, null);
    assertThat(deleted.fields()).isEmpty();
    assertThat(deleted.headers()).isEmpty();
    assertThat(deleted.getMessage()).isEqualTo("The connection was deleted.");
  }

  @Test
  void anUpstreamExchangeThatFailedOtherwiseIsA502NamingOnlyTheKindOfFailure() {
    GatewayException e =
        Failures.upstream(new java.io.IOException("Bearer secret-token leaked"), "keap");
    assertThat(e.type()).isEqualTo(ErrorType.UPSTREAM_UNREACHABLE);
    assertThat(e.type().status()).isEqualTo(502);
    assertThat(e.getMessage())
        .isEqualTo("The connection to the keap API failed before it answered (IOException).");
  }
}
