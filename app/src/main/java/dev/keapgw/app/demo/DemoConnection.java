package dev.keapgw.app.demo;

import dev.keapgw.client.connections.Connection;
import dev.keapgw.client.connections.ConnectionsApi;
import dev.keapgw.client.error.KeapException;
import java.util.List;
import java.util.Objects;

/**
 * Gives the demo account exactly one ACTIVE Keap connection, made through the real code grant:
 * the connection's {@code url} opened like a browser, through the sandbox's (auto-approving)
 * authorize page and back to the gateway's callback.
 *
 * <p>On a restart the account's oldest connection is kept, so its id stays the same, and is
 * authorized again: the sandbox does not keep tokens across restarts, so the old grant is gone.
 * Any other connection of the account is deleted.
 */
final class DemoConnection {
  static final String APP = "keap";

  /** The connection the demo made ready, and the Keap tenant it reaches. */
  record Ready(String id, String tenantId) {}

  private final ConnectionsApi api;
  private final BrowserFlow browser = new BrowserFlow();

  DemoConnection(ConnectionsApi api) {
    this.api = api;
  }

  /**
   * The demo account's one ACTIVE connection, authorized by this start.
   *
   * @throws IllegalStateException when it could not be authorized, or the gateway refused a call (saying why)
   */
  Ready ensureOne() {
    try {
      return authorize(keepOne());
    } catch (KeapException e) {
      throw new IllegalStateException(
          "the demo could not make its connection through the gateway: " + e.getMessage(), e);
    }
  }

  private Ready authorize(Connection connection) {
    String id = connection.id();
    String before = connection.lastUpdatedTime();
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
    String tenant =
        after.metadata() == null ? null : after.metadata().path("tenant_id").asText(null);
    return new Ready(id, tenant);
  }

  /** The connection to keep: the oldest ACTIVE one, else the oldest, else a new one. The rest are deleted. */
  private Connection keepOne() {
    List<Connection> all = api.list(APP, null);
    Connection keep = all.stream()
        .filter(Connection::isActive)
        .findFirst()
        .orElse(all.isEmpty() ? null : all.get(0));
    for (Connection c : all) {
      if (c != keep) {
        api.delete(c.id());
      }
    }
    return keep != null ? keep : api.create(APP);
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
