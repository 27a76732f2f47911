package dev.keapgw.gateway.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.oauth.TokenEndpointException;
import dev.keapgw.gateway.oauth.TokenSet;
import dev.keapgw.gateway.oauth.UpstreamOAuthClient;
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
  /** userinfo only adds metadata: the browser does not wait long for it. */
  private static final Duration USERINFO_LIMIT = Duration.ofSeconds(10);
  private final ConnectionRepository repo;
  private final OAuthStates states;
  private final SecretBox secrets;
  private final UpstreamOAuthClient oauth;
  private final GatewayConfig config;

  OAuthCallback(ConnectionRepository repo, OAuthStates states, SecretBox secrets, UpstreamOAuthClient oauth,
      GatewayConfig config) {
    this.repo = repo;
    this.states = states;
    this.secrets = secrets;
    this.oauth = oauth;
    this.config = config;
  }

  /**
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
    if (error != null && !error.isEmpty()) {
      return failed(c, "access_denied".equals(error)
          ? "The person signing in to " + app + " denied access, so the gateway got no authorization."
          : app + "'s authorization page refused the request (" + plain(error)
              + (errorDescription == null || errorDescription.isEmpty() ? "" : ": " + plain(errorDescription)) + ").");
    }
    if (code == null || code.isEmpty()) {
      return failed(c, app + "'s authorization page sent the browser back without an authorization code.");
    }
    AppConfig appConfig = config.apps().get(c.app());
    if (appConfig == null) {
      return failed(c, "This gateway no longer serves the app '" + c.app() + "'.");
    }
    // expiry counts from before the exchange, so it is never later than the upstream's own
    Instant issuedAt = config.clock().instant();
    TokenSet tokens;
    try {
      tokens = UpstreamCalls.await(() -> oauth.exchangeCode(appConfig, code, config.redirectUri()), exchangeLimit());
    } catch (TokenEndpointException e) {
      return failed(c, app + " did not grant tokens for the authorization: " + e.getMessage() + ".");
    } catch (TimeoutException e) {
      return failed(c, app + "'s token endpoint did not answer in time.");
    } catch (RuntimeException e) {
      LOG.warn("connection {}: the code exchange failed unexpectedly", c.id(), e);
      return failed(c, "The gateway could not exchange the authorization code with " + app + ".");
    }
    activate(c, appConfig, tokens, issuedAt);
    return BrowserReply.page(200, "Connected to " + app,
        "Your " + app + " account is now connected to the gateway.",
        "You can close this window and go back to your app.");
  }

  private void activate(Connection c, AppConfig app, TokenSet tokens, Instant issuedAt) {
    JsonNode userinfo = null;
    try {
      userinfo = UpstreamCalls.await(() -> oauth.userinfo(app, tokens.accessToken()), USERINFO_LIMIT);
    } catch (RuntimeException | TimeoutException e) {
      LOG.warn("connection {}: userinfo could not be read ({}); its metadata stays partial", c.id(), e.toString());
    }
    ObjectNode meta = GrantMetadata.of(userinfo, tokens.scope());
    String metadata = new String(Json.bytes(meta), StandardCharsets.UTF_8);
    Instant now = config.clock().instant();
    String access = secrets.seal(tokens.accessToken(), SecretBox.connectionColumn(c.id(), "access"));
    String refresh = tokens.refreshToken() == null ? null
        : secrets.seal(tokens.refreshToken(), SecretBox.connectionColumn(c.id(), "refresh"));
    repo.activate(c.id(), metadata, access, tokens.expiresAt(issuedAt), refresh, now);
    LOG.info("connection {} ({}) is ACTIVE for tenant {}", c.id(), c.app(), meta.path("tenant_id").asText("unknown"));
  }

  private BrowserReply failed(Connection c, String reason) {
    String retry = "To try again, open this connection's url.";
    if (c.isActive()) {
      LOG.info("connection {} stays ACTIVE after a failed re-authorization: {}", c.id(), reason);
      return BrowserReply.page(200, "Nothing was changed", reason,
          "Your existing connection keeps working as before. You can close this window.");
    }
    repo.fail(c.id(), reason + " " + retry, config.clock().instant());
    LOG.info("connection {} ({}) is FAILED: {}", c.id(), c.app(), reason);
    return BrowserReply.page(200, "The connection was not made", reason,
        "To try again, fetch the connection (GET /connections/{id}) and open the url it shows, or ask your"
            + " app for a new connect link. Otherwise you can close this window.");
  }

  /** The code exchange may take as long as any upstream answer, plus connecting. */
  private Duration exchangeLimit() {
    return config.timeouts().response().plus(config.timeouts().connect()).plusSeconds(5);
  }

  /** Text from the query string, safe to keep: printable, and short. */
  private static String plain(String s) {
    String t = s.replaceAll("\\p{Cntrl}", " ").trim();
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }
}
