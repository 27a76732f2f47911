package dev.keapgw.gateway.connections;

import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.http.LogText;
import dev.keapgw.gateway.oauth.OAuthClient;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives up the upstream grant of deleted connections, as far as the upstream allows. Keap
 * documents no endpoint that revokes a token, but it rotates the refresh token on every
 * refresh and the old one stops working at once: so the gateway spends the deleted
 * connection's refresh token on one last refresh and forgets the answer. From then on no copy
 * of the old refresh token (in a backup, in the store file's free space) works, and the new
 * tokens exist nowhere. The last access token stays valid until it expires (at most 24 hours
 * at Keap). Best effort, in the background: a failure is logged, never the caller's problem.
 */
public final class GrantDisposal {
  private static final Logger LOG = LoggerFactory.getLogger(GrantDisposal.class);
  private final SecretBox secrets;
  private final OAuthClient oauth;
  private final Map<String, AppConfig> apps;

  public GrantDisposal(SecretBox secrets, OAuthClient oauth, Map<String, AppConfig> apps) {
    this.secrets = secrets;
    this.oauth = oauth;
    this.apps = apps;
  }

  public static GrantDisposal of(GatewayServices s) {
    return new GrantDisposal(s.secrets(), s.oauth(), s.config().apps());
  }

  /** Starts giving up the grants of these connections (as read before they were deleted). */
  public void dispose(List<Connection> deleted) {
    for (Connection c : deleted) {
      AppConfig app = apps.get(c.app());
      if (c.refreshTokenSealed() == null || app == null) {
        continue;
      }
      String refresh;
      try {
        refresh =
            secrets.open(c.refreshTokenSealed(), SecretBox.connectionColumn(c.id(), "refresh"));
      } catch (SecretBox.CryptoException e) {
        continue; // sealed with a key no longer configured: nothing the gateway can spend
      }
      Thread.startVirtualThread(() -> {
        try {
          oauth.refresh(app, refresh);
          LOG.info(
              "deleted connection {}: its refresh token was spent and the new tokens discarded",
              c.id());
        } catch (RuntimeException e) {
          LOG.info(
              "deleted connection {}: its refresh token could not be spent ({})",
              c.id(),
              LogText.of(e.getMessage()));
        }
      });
    }
  }
}
