package dev.keapgw.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

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

  private final CallerApi api;
  private final BrowserFlow browser = new BrowserFlow();

  DemoConnection(CallerApi api) {
    this.api = api;
  }

  Ready ensureOne() {
    JsonNode connection = keepOne();
    String id = connection.path("connection_id").asText();
    String before = connection.path("last_updated_time").asText();
    // an ACTIVE connection stays ACTIVE when its re-authorization fails: only a new update time proves new tokens
    boolean wasActive = "ACTIVE".equals(connection.path("status").asText());
    // an ACTIVE connection's url is live only once its owner asks to reconnect
    String url = wasActive ? api.reconnect(id).path("connection").path("url").asText()
        : connection.path("url").asText();
    BrowserFlow.Outcome outcome = browser.open(url);
    JsonNode after = api.get("/connections/" + id).path("connection");
    boolean renewed = !wasActive || !before.equals(after.path("last_updated_time").asText());
    if (outcome.status() != 200 || !"ACTIVE".equals(after.path("status").asText()) || !renewed) {
      String reason = after.path("failure_reason").asText("");
      throw new IllegalStateException("the demo connection " + id + " could not be authorized (the connect flow went "
          + String.join(" -> ", outcome.visited()) + " and ended with " + outcome.status() + ": "
          + pageText(outcome.body()) + ")" + (reason.isEmpty() ? "" : "; " + reason));
    }
    return new Ready(id, after.path("metadata").path("tenant_id").asText(null));
  }

  /** The connection to keep: the oldest ACTIVE one, else the oldest, else a new one. The rest are deleted. */
  private JsonNode keepOne() {
    List<JsonNode> all = new ArrayList<>();
    api.get("/connections?app=" + APP).path("connections").forEach(all::add);
    JsonNode keep = all.stream().filter(c -> "ACTIVE".equals(c.path("status").asText())).findFirst()
        .orElse(all.isEmpty() ? null : all.get(0));
    for (JsonNode c : all) {
      if (c != keep) {
        api.delete("/connections/" + c.path("connection_id").asText());
      }
    }
    return keep != null ? keep : api.post("/connections", "{\"app\":\"" + APP + "\"}").path("connection");
  }

  /** A page's words without its markup, short enough for one line. */
  static String pageText(String html) {
    if (html == null) {
      return "";
    }
    String text = html.replaceAll("(?s)<(style|title)>.*?</\\1>", " ").replaceAll("<[^>]*>", " ")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&").replaceAll("\\s+", " ").trim();
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
