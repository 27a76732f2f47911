package dev.keapgw.gateway.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.Failures;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.error.UpstreamException;
import java.net.ConnectException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How each way an upstream exchange fails is answered, in memory (the loopback tests cover a few of them end to end). */
@Tag("unit")
class UpstreamFailureAnswersTest {
  @Test
  void aConnectFailureIsA502SayingWhatFailedInAFewWords() {
    UpstreamException refused =
        LoopPool.connectFailure(new ConnectException("Connection refused: /10.0.0.1"));
    GatewayException e = Failures.upstream(refused, "keap");
    assertThat(e.type()).isEqualTo(ErrorType.UPSTREAM_UNREACHABLE);
    assertThat(e.getMessage())
        .isEqualTo("The keap API could not be reached (connection refused). Try again shortly.");
  }

  @Test
  void aTimeoutIsA504ThatSaysTheRequestMayHaveBeenCarriedOut() {
    GatewayException e =
        Failures.upstream(UpstreamException.of(UpstreamException.Kind.TIMEOUT, null), "keap");
    assertThat(e.type()).isEqualTo(ErrorType.UPSTREAM_TIMEOUT);
    assertThat(e.type().status()).isEqualTo(504);
    assertThat(e.getMessage()).contains("may or may not have been carried out");
  }

  @Test
  void everyOtherKindIsA502() {
    for (UpstreamException.Kind k : new UpstreamException.Kind[] {
      UpstreamException.Kind.CLOSED_BEFORE_ANSWER,
      UpstreamException.Kind.PROTOCOL,
      UpstreamException.Kind.BROKEN_ANSWER
    }) {
      assertThat(Failures.upstream(UpstreamException.of(k, null), "keap").type())
          .as("%s", k)
          .isEqualTo(ErrorType.UPSTREAM_UNREACHABLE);
    }
    assertThat(Failures.upstream(new IllegalStateException("x"), "keap").getMessage())
        .isEqualTo(
            "The connection to the keap API failed before it answered (IllegalStateException).");
  }

  @Test
  void onlyAConnectionClosedBeforeAnyAnswerIsStale() {
    assertThat(UpstreamException.of(UpstreamException.Kind.CLOSED_BEFORE_ANSWER, null)
            .staleConnection())
        .isTrue();
    assertThat(UpstreamException.of(UpstreamException.Kind.BROKEN_ANSWER, null).staleConnection())
        .isFalse();
    assertThat(LoopPool.connectFailure(new ConnectException()).staleConnection())
        .isFalse();
  }
}
