package dev.keapgw.gateway.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.http.LogText;
import dev.keapgw.gateway.oauth.OAuthClient;
import dev.keapgw.gateway.oauth.TokenEndpointException;
import dev.keapgw.gateway.oauth.TokenSet;
import dev.keapgw.gateway.ratelimit.BucketStore;
import dev.keapgw.gateway.ratelimit.Throttle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /oauth/callback}: where the upstream's authorize page sends the browser back. It
 * uses up the state, then either records the refusal or exchanges the code, seals both tokens,
 * reads {@code userinfo} (best effort) for the metadata and marks the connection ACTIVE. Any
 * failure marks it FAILED with the reason, except for a connection that is already ACTIVE: a
 * failed re-authorization leaves its working grant alone.
 */
final class OAuthCallback {
  private static final Logger LOG = LoggerFactory.getLogger(OAuthCallback.class);
  private final ConnectionRepository repo;
  private final OAuthStates states;
  private final SecretBox secrets;
  private final OAuthClient oauth;
  private final GatewayConfig config;
  static final int ATTEMPTS_BURST = 10;
  static final int ATTEMPTS_PER_MINUTE = 10;
  /** The longest a sign-in waits to have its attempt counted (Redis answers or is bypassed well within it). */
  private static final Duration COUNT_LIMIT = Duration.ofSeconds(5);
  /** Sign-ins finished per account: across the cluster when Redis is configured, else in this process. */
  private final Throttle attempts;

  OAuthCallback(
      ConnectionRepository repo,
      OAuthStates states,
      SecretBox secrets,
      OAuthClient oauth,
      GatewayConfig config,
      BucketStore buckets) {
    this.repo = repo;
    this.states = states;
    this.secrets = secrets;
    this.oauth = oauth;
    this.config = config;
    this.attempts = Throttle.of(
        "sign-ins",
        ATTEMPTS_BURST,
        ATTEMPTS_PER_MINUTE,
        Duration.ofMinutes(1),
        buckets,
        config.clock());
  }

  /**
   * Handles one return of the browser. A state works once (it is used up before anything
   * else), and each account may finish {@value #ATTEMPTS_BURST} sign-ins at once and
   * {@value #ATTEMPTS_PER_MINUTE} a minute, so that made-up codes cannot make the gateway call
   * the token endpoint with the client secret at will.
   *
   * @param errorDescription the upstream's words; logged (escaped), never stored or shown: the
   *     connection's reason keeps only the error code, in the gateway's own words
   */
  BrowserReply handle(String code, String state, String error, String errorDescription) {
    Optional<String> id = states.consume(state);
    if (id.isEmpty()) {
      return Pages.stateUnusable();
    }
    Optional<Connection> found = repo.byId(id.get());
    if (found.isEmpty()) {
      return Pages.connectionGone();
    }
    Connection c = found.get();
    String app = Pages.appTitle(c.app());
    if (!withinAttempts(c.accountId())) {
      LOG.info(
          "connection {}: sign-in refused, its account finished too many in a short time", c.id());
      return Pages.tooManyAttempts(app);
    }
    if (error != null && !error.isEmpty()) {
      LOG.info(
          "connection {}: the authorization page answered error {} ({})",
          c.id(),
          LogText.of(error),
          LogText.of(errorDescription));
      return failed(
          c,
          "access_denied".equals(error)
              ? "The person signing in to " + app
                  + " denied access, so the gateway got no authorization."
              : app + "'s authorization page refused the request (error code " + errorCode(error)
                  + ").");
    }
    if (code == null || code.isEmpty()) {
      return failed(
          c, app + "'s authorization page sent the browser back without an authorization code.");
    }
    AppConfig appConfig = config.apps().get(c.app());
    if (appConfig == null) {
      return failed(c, "This gateway no longer serves the app '" + c.app() + "'.");
    }
    // expiry counts from before the exchange, so it is never later than the upstream's own
    Instant issuedAt = config.clock().instant();
    TokenSet tokens;
    try {
      tokens = oauth.exchangeCode(appConfig, code, config.redirectUri());
    } catch (TokenEndpointException e) {
      return failed(
          c, app + " did not grant tokens for the authorization: " + e.getMessage() + ".");
    } catch (RuntimeException e) {
      LOG.warn("connection {}: the code exchange failed unexpectedly", c.id(), e);
      return failed(c, "The gateway could not exchange the authorization code with " + app + ".");
    }
    BrowserReply refused = activate(c, appConfig, tokens, issuedAt);
    if (refused != null) {
      return refused;
    }
    return BrowserReply.page(
        200,
        "Connected to " + app,
        "Your " + app + " account is now connected to the gateway.",
        "You can close this window and go back to your app.");
  }

  /** Counts a sign-in of the account (this runs on a worker thread, which may wait for Redis). */
  private boolean withinAttempts(String accountId) {
    try {
      return attempts
          .spend(accountId)
          .toCompletionStage()
          .toCompletableFuture()
          .get(COUNT_LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
      LOG.warn(
          "sign-in attempts of an account could not be counted ({}); this one is refused",
          e.toString());
      return false;
    }
  }

  /**
   * Stores the grant and marks the connection ACTIVE, unless the connection was authorized
   * before for another upstream account (tenant): a connection stays bound to the tenant it
   * was first authorized for, so a reconnect can never move it into someone else's CRM.
   *
   * @return null when activated, else the page saying why not
   */
  private BrowserReply activate(Connection c, AppConfig app, TokenSet tokens, Instant issuedAt) {
    JsonNode userinfo = null;
    try {
      userinfo = oauth.userinfo(app, tokens.accessToken());
    } catch (RuntimeException e) {
      LOG.warn(
          "connection {}: userinfo could not be read ({}); its metadata stays partial",
          c.id(),
          e.toString());
    }
    ObjectNode meta = GrantMetadata.of(userinfo, tokens.scope());
    String bound = GrantMetadata.tenantOf(c.metadataJson());
    String signedIn = meta.path("tenant_id").asText(null);
    if (bound != null && !bound.equals(signedIn)) {
      // the new tokens are for another CRM: dropped, never stored (Keap cannot revoke them)
      LOG.info(
          "connection {} ({}) stays with tenant {}: a sign-in for tenant {} was refused",
          c.id(),
          c.app(),
          LogText.of(bound),
          LogText.of(signedIn));
      return Pages.tenantMismatch(Pages.appTitle(c.app()), bound, signedIn);
    }
    String metadata = new String(Json.bytes(meta), StandardCharsets.UTF_8);
    Instant now = config.clock().instant();
    String access =
        secrets.seal(tokens.accessToken(), SecretBox.connectionColumn(c.id(), "access"));
    String refresh = tokens.refreshToken() == null
        ? null
        : secrets.seal(tokens.refreshToken(), SecretBox.connectionColumn(c.id(), "refresh"));
    repo.activate(c.id(), metadata, access, tokens.expiresAt(issuedAt), refresh, now);
    LOG.info(
        "connection {} ({}) is ACTIVE for tenant {}",
        c.id(),
        c.app(),
        LogText.of(meta.path("tenant_id").asText("unknown")));
    return null;
  }

  private BrowserReply failed(Connection c, String reason) {
    String retry = "To try again, open this connection's url.";
    if (c.isActive()) {
      LOG.info(
          "connection {} stays ACTIVE after a failed re-authorization: {}",
          c.id(),
          LogText.of(reason));
      return BrowserReply.page(
          200,
          "Nothing was changed",
          reason,
          "Your existing connection keeps working as before. You can close this window.");
    }
    repo.fail(c.id(), reason + " " + retry, config.clock().instant());
    LOG.info("connection {} ({}) is FAILED: {}", c.id(), c.app(), LogText.of(reason));
    return BrowserReply.page(
        200,
        "The connection was not made",
        reason,
        "To try again, fetch the connection (GET /connections/{id}) and open the url it shows, or ask your"
            + " app for a new connect link. Otherwise you can close this window.");
  }

  /** An OAuth error code as the upstream sends them (RFC 6749: a short ASCII word), else a placeholder. */
  static String errorCode(String error) {
    return error.length() <= 64
            && error
                .chars()
                .allMatch(ch -> (ch >= 'a' && ch <= 'z')
                    || (ch >= 'A' && ch <= 'Z')
                    || (ch >= '0' && ch <= '9')
                    || ch == '_'
                    || ch == '.'
                    || ch == '-')
        ? error
        : "not recognised";
  }
}
