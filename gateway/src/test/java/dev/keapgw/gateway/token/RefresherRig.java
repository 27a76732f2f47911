package dev.keapgw.gateway.token;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.engines.StoreEngine;
import dev.keapgw.gateway.oauth.OAuthClient;
import dev.keapgw.gateway.oauth.TokenEndpointException;
import dev.keapgw.gateway.oauth.TokenSet;
import dev.keapgw.gateway.store.Database;
import dev.keapgw.sandbox.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TokenRefresher} with everything it decides from in memory and in reach: the embedded
 * store in a temporary directory (no socket), an injected clock, and a token endpoint that is a
 * script ({@link ScriptedTokenEndpoint}) recording every refresh token presented to it.
 */
final class RefresherRig implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  static final AppConfig APP = AppConfig.keap("client", "secret");

  final MutableClock clock = new MutableClock(T0);
  final Database db = StoreEngine.EMBEDDED.open();
  final ConnectionRepository repo = new ConnectionRepository(db.jdbi());
  final SecretBox secrets =
      new SecretBox(EncryptionKeys.single(Base64.getEncoder().encodeToString(new byte[32])));
  final ScriptedTokenEndpoint upstream = new ScriptedTokenEndpoint();
  final RefreshPolicy policy =
      new RefreshPolicy(Duration.ofMinutes(15), Duration.ofMinutes(10), () -> 0.5);
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final TokenRefresher refresher = new TokenRefresher(
      repo,
      secrets,
      upstream,
      Map.of("keap", APP),
      new InProcessRefreshLock(),
      policy,
      clock,
      Duration.ofSeconds(30),
      metrics);

  /** An ACTIVE connection whose access token {@code access} expires in {@code lifetime}. */
  String active(String access, String refresh, Duration lifetime) {
    String account = UUID.randomUUID().toString();
    String id = UUID.randomUUID().toString();
    db.jdbi()
        .useHandle(h ->
            h.execute("INSERT INTO accounts (id, name, created_at) VALUES (?, 'rig', 0)", account));
    repo.insert(
        new Connection(
            id,
            account,
            "keap",
            ConnectionStatus.PENDING,
            T0,
            T0,
            "{}",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0,
            null,
            0),
        null);
    repo.activate(
        id,
        "{}",
        secrets.seal(access, SecretBox.connectionColumn(id, "access")),
        clock.instant().plus(lifetime),
        secrets.seal(refresh, SecretBox.connectionColumn(id, "refresh")),
        clock.instant());
    return id;
  }

  Connection connection(String id) {
    return repo.byId(id).orElseThrow();
  }

  String storedRefreshToken(String id) {
    return secrets.open(
        connection(id).refreshTokenSealed(), SecretBox.connectionColumn(id, "refresh"));
  }

  double refreshes(String outcome) {
    var c =
        metrics.find("gateway_token_refreshes_total").tag("outcome", outcome).counter();
    return c == null ? 0 : c.count();
  }

  @Override
  public void close() {
    db.close();
  }

  /**
   * A token endpoint that answers refreshes from a script: each entry grants tokens or throws
   * a {@link TokenEndpointException}; with the script empty it grants {@code access-N}. A gate,
   * when set, holds every refresh until it opens (for single-flight tests).
   */
  static final class ScriptedTokenEndpoint implements OAuthClient {
    final List<String> presented = new CopyOnWriteArrayList<>();
    private final Deque<Object> script = new ArrayDeque<>();
    volatile CountDownLatch gate;

    synchronized void grant(String access, String refresh, long expiresIn) {
      script.add(new TokenSet(access, refresh, expiresIn, "full"));
    }

    synchronized void refuse(TokenEndpointException.Kind kind, String message) {
      script.add(new TokenEndpointException(kind, message));
    }

    @Override
    public TokenSet refresh(AppConfig app, String refreshToken) {
      presented.add(refreshToken);
      CountDownLatch g = gate;
      if (g != null) {
        try {
          if (!g.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      Object next;
      synchronized (this) {
        next = script.poll();
      }
      if (next instanceof TokenEndpointException e) {
        throw e;
      }
      if (next instanceof TokenSet t) {
        return t;
      }
      int n = presented.size();
      return new TokenSet("access-" + n, "refresh-" + n, 3600, "full");
    }

    @Override
    public TokenSet exchangeCode(AppConfig app, String code, String redirectUri) {
      throw new UnsupportedOperationException("not part of the token lifecycle");
    }

    @Override
    public JsonNode userinfo(AppConfig app, String accessToken) {
      throw new UnsupportedOperationException("not part of the token lifecycle");
    }
  }
}
