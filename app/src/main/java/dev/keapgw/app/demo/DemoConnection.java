package dev.keapgw.app.demo;

import dev.keapgw.client.connections.Connection;
import dev.keapgw.client.connections.ConnectionsApi;
import dev.keapgw.client.error.KeapException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the demo account an ACTIVE Keap connection, made through the real code grant: the
 * connection's {@code url} opened like a browser, through the sandbox's (auto-approving)
 * authorize page and back to the gateway's callback.
 *
 * <p>On a restart every connection of the account is kept. The sandbox keeps no OAuth grants
 * across restarts, so a connection that was authorized before holds tokens the sandbox no longer
 * knows: each one (ACTIVE, or FAILED since) is authorized again, for the Keap tenant it is bound
 * to, and the log says so. PENDING connections are left as they are. The demo's own connection
 * is the oldest ACTIVE one, else the oldest, else a new one; if it cannot be authorized the demo
 * does not start, while another connection that cannot be is left as it was, with a warning.
 */
final class DemoConnection {
  static final String APP = "keap";
  private static final Logger LOG = LoggerFactory.getLogger(DemoConnection.class);

  /** The connection the demo made ready, and the Keap tenant it reaches. */
  record Ready(String id, String tenantId) {}

  private final ConnectionsApi api;
  private final SandboxApproval approval;
  private final BrowserFlow browser = new BrowserFlow();

  DemoConnection(ConnectionsApi api, SandboxApproval approval) {
    this.api = api;
    this.approval = approval;
  }

  /**
   * The demo's ACTIVE connection, authorized by this start, after the account's other
   * connections were authorized again where they had been before.
   *
   * @throws IllegalStateException when the demo's connection could not be authorized, or the gateway refused a call (saying why)
   */
  Ready ensure() {
    try {
      List<Connection> all = api.list(APP, null);
      Connection own = all.stream()
          .filter(Connection::isActive)
          .findFirst()
          .orElse(all.isEmpty() ? null : all.get(0));
      Ready ready = authorize(own != null ? own : api.create(APP));
      for (Connection other : all) {
        if (other != own && (other.isActive() || other.isFailed()) && tenant(other) != null) {
          authorizeAgain(other);
        }
      }
      return ready;
    } catch (KeapException e) {
      throw new IllegalStateException(
          "the demo could not make its connection through the gateway: " + e.getMessage(), e);
    } finally {
      resetApproval();
    }
  }

  /** Approvals back to the sandbox's first tenant, as the README's steps expect of a fresh demo. */
  private void resetApproval() {
    try {
      approval.grantTo(null);
    } catch (RuntimeException e) {
      LOG.warn("the sandbox still approves for the last connection's tenant: {}", e.getMessage());
    }
  }

  /** Another connection of the account, authorized before this start: again, or left as it was with a warning. */
  private void authorizeAgain(Connection c) {
    String tenant = tenant(c);
    try {
      authorize(c);
      LOG.info(
          "connection {} (Keap tenant {}) authorized again: the demo's sandbox keeps no OAuth grants across"
              + " restarts, so its old tokens were void",
          c.id(),
          tenant);
    } catch (RuntimeException e) {
      LOG.warn(
          "connection {} (Keap tenant {}) is kept but could not be authorized again ({}): its calls fail until"
              + " it is reconnected (POST /connections/{}/reconnect, then open its url)",
          c.id(),
          tenant,
          e.getMessage(),
          c.id());
    }
  }

  private Ready authorize(Connection connection) {
    String id = connection.id();
    String before = connection.lastUpdatedTime();
    // a connection stays bound to its first tenant: the sandbox must approve for that one
    approval.grantTo(tenant(connection));
    // an ACTIVE connection stays ACTIVE when its re-authorization fails: only a new update time
    // proves new tokens
    boolean wasActive = connection.isActive();
    // an ACTIVE connection's url is live only once its owner asks to reconnect
    String url = wasActive ? api.reconnect(id).url() : connection.url();
    BrowserFlow.Outcome outcome = browser.open(url);
    Connection after = api.get(id);
    boolean renewed = !wasActive || !Objects.equals(before, after.lastUpdatedTime());
    if (outcome.status() != 200 || !after.isActive() || !renewed) {
      String reason = after.failureReason() == null ? "" : after.failureReason();
      throw new IllegalStateException("the demo connection " + id
          + " could not be authorized (the connect flow went "
          + String.join(" -> ", outcome.visited()) + " and ended with " + outcome.status() + ": "
          + pageText(outcome.body()) + ")" + (reason.isEmpty() ? "" : "; " + reason));
    }
    return new Ready(id, tenant(after));
  }

  /** The Keap tenant a connection is bound to; null before its first authorization. */
  private static String tenant(Connection c) {
    return c.metadata() == null ? null : c.metadata().path("tenant_id").asText(null);
  }

  /** A page's words without its markup, short enough for one line. */
  static String pageText(String html) {
    if (html == null) {
      return "";
    }
    String text = html.replaceAll("(?s)<(style|title)>.*?</\\1>", " ")
        .replaceAll("<[^>]*>", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .trim();
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
