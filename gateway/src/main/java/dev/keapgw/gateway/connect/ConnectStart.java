package dev.keapgw.gateway.connect;

import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.OneTimeTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /connect?session_token=...}: the connect link a connection shows. It uses up the
 * session (it works once and expires), records a fresh OAuth state, and sends the browser
 * straight to the upstream's authorize page.
 */
final class ConnectStart {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectStart.class);
  private final ConnectionRepository repo;
  private final OAuthStates states;
  private final GatewayConfig config;

  ConnectStart(ConnectionRepository repo, OAuthStates states, GatewayConfig config) {
    this.repo = repo;
    this.states = states;
    this.config = config;
  }

  /**
   * @param connectionId set on the link an ACTIVE connection shows while no reconnect was asked
   *     for ({@code ConnectionService#connectUrl}): it is never looked up, so the page says the
   *     same for any id
   */
  BrowserReply handle(String sessionToken, String connectionId) {
    if ((sessionToken == null || sessionToken.isEmpty()) && connectionId != null) {
      return Pages.alreadyConnected();
    }
    if (sessionToken == null || sessionToken.isEmpty()) {
      return BrowserReply.page(
          400,
          "This link is incomplete",
          "The connect link is missing its session token, so it cannot be used.",
          "Copy the whole link again: it is the connection's url, shown by GET /connections/{id}.");
    }
    String hash = OneTimeTokens.hash(sessionToken);
    Optional<Connection> found = repo.bySessionHash(hash);
    if (found.isEmpty() || !repo.consumeSession(hash, config.clock().instant())) {
      return Pages.linkUsedOrExpired();
    }
    Connection c = found.get();
    AppConfig app = config.apps().get(c.app());
    if (app == null) {
      return BrowserReply.page(
          400,
          "This app is not available",
          "The connection is for the app '" + c.app() + "', which this gateway no longer serves.",
          "Ask the gateway's operator, or create a connection for an app it serves.");
    }
    String state = states.issue(c.id());
    LOG.info(
        "connect link opened for connection {} ({}): sending the browser to the authorize page",
        c.id(),
        c.app());
    return BrowserReply.redirect(authorizeUrl(app, state));
  }

  private String authorizeUrl(AppConfig app, String state) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", app.clientId());
    q.put("redirect_uri", config.redirectUri());
    q.put("response_type", "code");
    if (app.scope() != null && !app.scope().isEmpty()) {
      q.put("scope", app.scope());
    }
    q.put("state", state);
    StringBuilder b = new StringBuilder(app.authorizeUrl().toString());
    char sep = b.indexOf("?") < 0 ? '?' : '&';
    for (Map.Entry<String, String> e : q.entrySet()) {
      b.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
      sep = '&';
    }
    return b.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
