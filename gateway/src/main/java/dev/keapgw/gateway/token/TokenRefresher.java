package dev.keapgw.gateway.token;

import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.oauth.TokenEndpointException;
import dev.keapgw.gateway.oauth.TokenSet;
import dev.keapgw.gateway.oauth.UpstreamOAuthClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains a usable access token for one connection, refreshing it when needed: the token
 * lifecycle in one place. Blocking; run it on a worker thread.
 *
 * <p>Under the connection's {@link RefreshLock} it re-reads the connection (another thread or
 * instance may have refreshed meanwhile), refreshes only if still needed, and commits the
 * rotated tokens before releasing the lock and before anyone uses the new access token. A
 * refused grant marks the connection FAILED; a passing failure backs off, and a token that
 * has not yet expired keeps being used meanwhile.
 *
 * <p>Before the refresh token is sent upstream, a {@link RefreshJournal} record is committed;
 * the outcome clears it. Finding one under the lock means an instance died somewhere between
 * committing the record and saving the refresh token's successor. Until {@link #interruptedAfter}
 * has passed that refresh may still be running, so the token is not touched. After that, the
 * token is presented once more: if the dead instance had spent it, the upstream refuses it and
 * the connection is marked FAILED with a reason that names the interruption and says to
 * reconnect; if the instance died before the token left, the refresh simply succeeds. Either
 * way the connection is never left ACTIVE with a refresh token that no longer works.
 */
public final class TokenRefresher {
  private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);

  /** Why a token is wanted. */
  public enum Mode {
    /** Use the stored token unless it is due for refresh. */
    IF_DUE,
    /** The upstream refused the stored token: refresh unless someone already replaced it. */
    AFTER_REJECTION,
    /** The keep-alive sweeper: refresh now so the refresh token never lapses. */
    KEEP_ALIVE
  }

  private final ConnectionRepository repo;
  private final SecretBox secrets;
  private final UpstreamOAuthClient oauth;
  private final Map<String, AppConfig> apps;
  private final RefreshLock lock;
  private final RefreshPolicy policy;
  private final Clock clock;
  private final Duration timeout;
  private final MeterRegistry metrics;
  private final RefreshJournal journal;
  private final Duration interruptedAfter;

  public TokenRefresher(
      ConnectionRepository repo,
      SecretBox secrets,
      UpstreamOAuthClient oauth,
      Map<String, AppConfig> apps,
      RefreshLock lock,
      RefreshPolicy policy,
      Clock clock,
      Duration timeout,
      MeterRegistry metrics) {
    this.repo = repo;
    this.secrets = secrets;
    this.oauth = oauth;
    this.apps = apps;
    this.lock = lock;
    this.policy = policy;
    this.clock = clock;
    this.timeout = timeout;
    this.metrics = metrics;
    this.journal = new RefreshJournal(repo.jdbi());
    Duration twice = timeout.multipliedBy(2);
    this.interruptedAfter =
        twice.compareTo(Duration.ofMinutes(2)) > 0 ? twice : Duration.ofMinutes(2);
  }

  /**
   * A usable token for the connection.
   *
   * @param rejected for {@link Mode#AFTER_REJECTION}: the token the upstream refused
   * @throws TokenUnavailableException when the connection cannot give one now
   */
  public ActiveToken obtain(String connectionId, Mode mode, String rejected) throws Exception {
    return lock.locked(connectionId, () -> obtainLocked(connectionId, mode, rejected));
  }

  private ActiveToken obtainLocked(String id, Mode mode, String rejected) {
    Connection c = repo.byId(id)
        .orElseThrow(() -> new TokenUnavailableException(
            TokenUnavailableException.Reason.FAILED, null, "The connection was deleted.", null));
    TokenUnavailableException notActive = TokenUnavailableException.unlessActive(c);
    if (notActive != null) {
      throw notActive;
    }
    if (c.refreshTokenSealed() == null) {
      throw TokenUnavailableException.grantGone(c, c.failureReason());
    }
    Instant now = clock.instant();
    ActiveToken current = current(c);
    boolean replaced = mode == Mode.AFTER_REJECTION
        && current != null
        && !current.accessToken().equals(rejected);
    boolean usable = current != null && now.isBefore(c.accessExpiresAt());
    if (replaced && usable) {
      return current;
    }
    if (mode == Mode.IF_DUE && usable && !policy.due(c.refreshedAt(), c.accessExpiresAt(), now)) {
      return current;
    }
    if (c.nextRefreshAt() != null && now.isBefore(c.nextRefreshAt())) {
      if (mode == Mode.IF_DUE && usable) {
        return current;
      }
      throw backingOff(c, c.nextRefreshAt());
    }
    return refresh(c, current, usable && mode != Mode.AFTER_REJECTION, now);
  }

  private ActiveToken refresh(
      Connection c, ActiveToken current, boolean currentStillUsable, Instant now) {
    var unfinished = journal.unfinished(c.id(), c.tokenVersion());
    if (unfinished.isPresent()) {
      return interrupted(c, unfinished.get(), current, currentStillUsable, now);
    }
    return spend(c, current, currentStillUsable, now, null);
  }

  /**
   * Presents the refresh token and commits the outcome.
   *
   * @param interrupted the unfinished refresh of the same token an instance left behind, if any
   */
  private ActiveToken spend(
      Connection c,
      ActiveToken current,
      boolean currentStillUsable,
      Instant now,
      RefreshJournal.Started interrupted) {
    AppConfig app = apps.get(c.app());
    String refreshToken =
        secrets.open(c.refreshTokenSealed(), SecretBox.connectionColumn(c.id(), "refresh"));
    journal.begin(c.id(), c.tokenVersion(), now);
    TokenSet granted;
    try {
      granted = oauth
          .refresh(app, refreshToken)
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      TokenEndpointException failure = e.getCause() instanceof TokenEndpointException t
          ? t
          : new TokenEndpointException(
              TokenEndpointException.Kind.TRANSIENT, "the refresh failed: " + e.getCause());
      return failed(c, current, currentStillUsable, failure, now, interrupted);
    } catch (TimeoutException e) {
      return failed(
          c,
          current,
          currentStillUsable,
          new TokenEndpointException(
              TokenEndpointException.Kind.TRANSIENT, "the token endpoint did not answer in time"),
          now,
          interrupted);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during a refresh", e);
    }
    Instant issued = clock.instant();
    Instant expires = granted.expiresAt(issued);
    // Keap always rotates; keep the old refresh token only if an upstream sends none.
    String newRefresh = granted.refreshToken() == null ? refreshToken : granted.refreshToken();
    try {
      repo.jdbi().useTransaction(h -> {
        ConnectionRepository.storeRefreshed(
            h,
            c.id(),
            secrets.seal(granted.accessToken(), SecretBox.connectionColumn(c.id(), "access")),
            expires,
            secrets.seal(newRefresh, SecretBox.connectionColumn(c.id(), "refresh")),
            issued);
        RefreshJournal.finish(h, c.id());
      });
    } catch (RuntimeException e) {
      LOG.error(
          "the rotated tokens of connection {} could not be saved; unless they are, it will be marked"
              + " FAILED {} s after the refresh began: {}",
          c.id(),
          interruptedAfter.toSeconds(),
          e.toString());
      throw e;
    }
    metrics.counter("gateway_token_refreshes_total", "outcome", "success").increment();
    if (interrupted != null) {
      LOG.info(
          "the interrupted refresh of connection {} had not spent its refresh token; refreshed now",
          c.id());
    }
    LOG.info("refreshed the tokens of connection {} (expires {})", c.id(), expires);
    return new ActiveToken(c.id(), granted.accessToken(), issued, expires, c.tokenVersion() + 1);
  }

  private ActiveToken failed(
      Connection c,
      ActiveToken current,
      boolean currentStillUsable,
      TokenEndpointException failure,
      Instant now,
      RefreshJournal.Started interrupted) {
    if (failure.deadGrant()) {
      metrics
          .counter(
              "gateway_token_refreshes_total",
              "outcome",
              interrupted == null ? "dead_grant" : "interrupted")
          .increment();
      String reason = interrupted == null
          ? "the upstream no longer accepts this connection's authorization ("
              + failure.getMessage() + ")"
          : "a refresh of its tokens started at " + interrupted.startedAt()
              + " was interrupted before the result was"
              + " saved, and the upstream no longer accepts the refresh token it spent ("
              + failure.getMessage() + ")";
      repo.jdbi().useTransaction(h -> {
        ConnectionRepository.fail(h, c.id(), reason, now);
        RefreshFailures.record(h, c.id(), reason, now);
        RefreshJournal.finish(h, c.id());
      });
      repo.changed(c.id());
      LOG.warn("connection {} is FAILED: {}", c.id(), reason);
      String why = interrupted == null ? failure.getMessage() : reason;
      throw TokenUnavailableException.grantGone(c, why);
    }
    metrics
        .counter("gateway_token_refreshes_total", "outcome", "transient_failure")
        .increment();
    int failures = c.refreshFailures() + 1;
    Instant next = policy.nextAttempt(failures, now);
    repo.jdbi().useTransaction(h -> {
      ConnectionRepository.backOff(h, c.id(), failures, next, now);
      RefreshFailures.record(h, c.id(), failure.getMessage(), now);
      RefreshJournal.finish(h, c.id());
    });
    LOG.warn(
        "refresh of connection {} failed ({} in a row), next attempt after {}: {}",
        c.id(),
        failures,
        next,
        failure.getMessage());
    if (currentStillUsable) {
      return current;
    }
    throw backingOff(c, next);
  }

  /** A refresh of these very tokens was started and never finished (see the class comment). */
  private ActiveToken interrupted(
      Connection c,
      RefreshJournal.Started started,
      ActiveToken current,
      boolean currentStillUsable,
      Instant now) {
    Instant settled = started.startedAt().plus(interruptedAfter);
    if (now.isBefore(settled)) {
      // its instance may still be on it (a lock lost with its session): never spend the token twice
      if (currentStillUsable) {
        return current;
      }
      throw new TokenUnavailableException(
          TokenUnavailableException.Reason.BACKING_OFF,
          c,
          "A refresh of the connection's token that was started earlier (by another gateway instance, or"
              + " before a restart) has not finished; try again after " + settled + ".",
          settled);
    }
    // no refresh can still be running: whether the token left before the instance died, the
    // upstream knows
    LOG.warn(
        "a refresh of connection {} started at {} never finished; presenting its refresh token once more",
        c.id(),
        started.startedAt());
    return spend(c, current, currentStillUsable, now, started);
  }

  private TokenUnavailableException backingOff(Connection c, Instant retryAt) {
    return new TokenUnavailableException(
        TokenUnavailableException.Reason.BACKING_OFF,
        c,
        "The connection's token could not be refreshed just now (the upstream's token endpoint failed); "
            + "the gateway retries by itself. Try again after " + retryAt + ".",
        retryAt);
  }

  private ActiveToken current(Connection c) {
    if (c.accessTokenSealed() == null || c.accessExpiresAt() == null) {
      return null;
    }
    return new ActiveToken(
        c.id(),
        secrets.open(c.accessTokenSealed(), SecretBox.connectionColumn(c.id(), "access")),
        c.refreshedAt(),
        c.accessExpiresAt(),
        c.tokenVersion());
  }
}
