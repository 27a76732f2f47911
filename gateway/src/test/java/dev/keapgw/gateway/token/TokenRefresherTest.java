package dev.keapgw.gateway.token;

import static dev.keapgw.gateway.token.TokenRefresher.Mode.AFTER_REJECTION;
import static dev.keapgw.gateway.token.TokenRefresher.Mode.IF_DUE;
import static dev.keapgw.gateway.token.TokenRefresher.Mode.KEEP_ALIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.oauth.TokenEndpointException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The refresher's decisions, in memory (embedded store, injected clock, a scripted token
 * endpoint): when a stored token is used as it is, when the refresh token is spent, and what a
 * refused or failed refresh leaves behind.
 */
@Tag("unit")
class TokenRefresherTest {
  private final RefresherRig rig = new RefresherRig();

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void aTokenOutsideTheMarginIsUsedWithoutAskingTheUpstream() throws Exception {
    String id = rig.active("a0", "r0", Duration.ofHours(1));
    rig.clock.advance(Duration.ofMinutes(44)); // the margin is 15 minutes: due at 45

    assertThat(rig.refresher.obtain(id, IF_DUE, null).accessToken()).isEqualTo("a0");
    assertThat(rig.upstream.presented).isEmpty();
  }

  @Test
  void aDueTokenIsRefreshedOnceAndTheRotatedTokensAreCommittedBeforeUse() throws Exception {
    String id = rig.active("a0", "r0", Duration.ofHours(1));
    long version = rig.connection(id).tokenVersion();
    rig.clock.advance(Duration.ofMinutes(46));
    rig.upstream.grant("a1", "r1", 3600);

    ActiveToken t = rig.refresher.obtain(id, IF_DUE, null);

    assertThat(t.accessToken()).isEqualTo("a1");
    assertThat(t.version()).isEqualTo(version + 1);
    assertThat(t.expiresAt()).isEqualTo(rig.clock.instant().plusSeconds(3600));
    assertThat(rig.upstream.presented).containsExactly("r0");
    assertThat(rig.storedRefreshToken(id)).isEqualTo("r1");
    assertThat(rig.connection(id).tokenVersion()).isEqualTo(version + 1);
    assertThat(rig.refresher.obtain(id, IF_DUE, null).accessToken())
        .as("the next caller reads the committed token")
        .isEqualTo("a1");
    assertThat(rig.upstream.presented).hasSize(1);
    assertThat(rig.refreshes("success")).isEqualTo(1);
  }

  @Test
  void aRefusedGrantMarksTheConnectionFailedAndIsNotTriedAgain() throws Exception {
    String id = rig.active("a0", "r0", Duration.ofHours(1));
    rig.clock.advance(Duration.ofMinutes(46));
    rig.upstream.refuse(TokenEndpointException.Kind.DEAD_GRANT, "invalid_grant: token revoked");

    assertThatThrownBy(() -> rig.refresher.obtain(id, IF_DUE, null))
        .isInstanceOfSatisfying(
            TokenUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenUnavailableException.Reason.FAILED))
        .hasMessageContaining("invalid_grant: token revoked");
    Connection c = rig.connection(id);
    assertThat(c.status()).isEqualTo(ConnectionStatus.FAILED);
    assertThat(c.failureReason()).contains("no longer accepts");
    assertThat(c.refreshTokenSealed()).as("a dead grant's tokens are dropped").isNull();

    assertThatThrownBy(() -> rig.refresher.obtain(id, IF_DUE, null))
        .isInstanceOf(TokenUnavailableException.class);
    assertThat(rig.upstream.presented).hasSize(1);
    assertThat(rig.refreshes("dead_grant")).isEqualTo(1);
  }

  @Test
  void aPassingFailureKeepsTheUsableTokenAndWaitsTheBackoffBeforeTryingAgain() throws Exception {
    String id = rig.active("a0", "r0", Duration.ofHours(1));
    rig.clock.advance(Duration.ofMinutes(46));
    rig.upstream.refuse(TokenEndpointException.Kind.TRANSIENT, "the token endpoint answered 503");

    assertThat(rig.refresher.obtain(id, IF_DUE, null).accessToken()).isEqualTo("a0");
    Connection c = rig.connection(id);
    assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(c.refreshFailures()).isEqualTo(1);
    // the first backoff is 2 s; the rig's randomness (0.5) puts the jitter in the middle
    assertThat(c.nextRefreshAt()).isEqualTo(rig.clock.instant().plusSeconds(2));

    rig.clock.advance(Duration.ofSeconds(1));
    assertThat(rig.refresher.obtain(id, IF_DUE, null).accessToken()).isEqualTo("a0");
    assertThat(rig.upstream.presented).as("not before the backoff is over").hasSize(1);

    rig.clock.advance(Duration.ofSeconds(1));
    rig.upstream.grant("a1", "r1", 3600);
    assertThat(rig.refresher.obtain(id, IF_DUE, null).accessToken()).isEqualTo("a1");
    assertThat(rig.upstream.presented).containsExactly("r0", "r0");
    assertThat(rig.connection(id).refreshFailures()).isZero();
  }

  @Test
  void aPassingFailureWithAnExpiredTokenSaysWhenToTryAgain() {
    String id = rig.active("a0", "r0", Duration.ofHours(1));
    rig.clock.advance(Duration.ofMinutes(61));
    rig.upstream.refuse(TokenEndpointException.Kind.TRANSIENT, "timeout");

    assertThatThrownBy(() -> rig.refresher.obtain(id, IF_DUE, null))
        .isInstanceOfSatisfying(TokenUnavailableException.class, e -> {
          assertThat(e.reason()).isEqualTo(TokenUnavailableException.Reason.BACKING_OFF);
          assertThat(e.retryAt()).isEqualTo(rig.clock.instant().plusSeconds(2));
        })
        .hasMessageContaining("retries by itself");
    assertThat(rig.connection(id).status()).isEqualTo(ConnectionStatus.ACTIVE);
  }

  @Test
  void afterARejectionATokenAlreadyReplacedIsUsedAndTheRejectedOneIsRefreshed() throws Exception {
    String id = rig.active("a0", "r0", Duration.ofHours(1));

    assertThat(rig.refresher.obtain(id, AFTER_REJECTION, "older").accessToken())
        .as("someone refreshed since the rejected token was handed out")
        .isEqualTo("a0");
    assertThat(rig.upstream.presented).isEmpty();

    assertThat(rig.refresher.obtain(id, AFTER_REJECTION, "a0").accessToken()).isEqualTo("access-1");
    assertThat(rig.upstream.presented).containsExactly("r0");
  }

  @Test
  void theKeepAliveRefreshesEvenAFreshToken() throws Exception {
    String id = rig.active("a0", "r0", Duration.ofHours(1));

    assertThat(rig.refresher.obtain(id, KEEP_ALIVE, null).accessToken()).isEqualTo("access-1");
    assertThat(rig.storedRefreshToken(id)).isEqualTo("refresh-1");
  }

  @Test
  void anUnfinishedRefreshIsLeftAloneUntilItCannotBeRunningThenItsTokenIsPresentedOnce()
      throws Exception {
    String id = rig.active("a0", "r0", Duration.ofHours(1));
    rig.clock.advance(Duration.ofMinutes(61)); // expired
    new RefreshJournal(rig.db.jdbi())
        .begin(id, rig.connection(id).tokenVersion(), rig.clock.instant());
    rig.clock.advance(Duration.ofSeconds(30));

    assertThatThrownBy(() -> rig.refresher.obtain(id, IF_DUE, null))
        .isInstanceOfSatisfying(
            TokenUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenUnavailableException.Reason.BACKING_OFF))
        .hasMessageContaining("has not finished");
    assertThat(rig.upstream.presented).as("its instance may still be on it").isEmpty();

    rig.clock.advance(Duration.ofMinutes(2)); // twice the refresh timeout, at least 2 minutes
    rig.upstream.refuse(TokenEndpointException.Kind.DEAD_GRANT, "invalid_grant");
    assertThatThrownBy(() -> rig.refresher.obtain(id, IF_DUE, null))
        .isInstanceOf(TokenUnavailableException.class)
        .hasMessageContaining("interrupted");
    assertThat(rig.upstream.presented).containsExactly("r0");
    assertThat(rig.connection(id).failureReason()).contains("was interrupted");
    assertThat(rig.refreshes("interrupted")).isEqualTo(1);
  }

  @Test
  void aConnectionThatIsNotActiveGetsTheOneWordingOfIt() {
    String id = rig.active("a0", "r0", Duration.ofHours(1));
    rig.repo.fail(id, "the user revoked access", rig.clock.instant());

    assertThatThrownBy(() -> rig.refresher.obtain(id, IF_DUE, null))
        .isInstanceOf(TokenUnavailableException.class)
        .hasMessage(TokenUnavailableException.unlessActive(rig.connection(id)).getMessage());
    assertThatThrownBy(() -> rig.refresher.obtain("no-such-connection", IF_DUE, null))
        .isInstanceOf(TokenUnavailableException.class)
        .hasMessageContaining("deleted");
    assertThat(rig.upstream.presented).isEmpty();
  }
}
