package dev.keapgw.app;

import dev.keapgw.app.demo.RunningDemo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a started demo tells its user: where things listen, the account, the key (only one the
 * demo made: a key the user brought is never echoed), the connection, and a first call to paste.
 */
final class DemoBanner {
  /** Where {@code keap} looks for the gateway when KEAP_GATEWAY_URL is not set. */
  private DemoBanner() {}

  static void print(RunningDemo demo, PrintWriter out) {
    String gw = demo.gatewayUrl();
    out.println();
    out.println("keap-gateway demo is running");
    out.println("  gateway      " + gw);
    out.println("  sandbox      " + demo.sandboxUrl() + "  (the Keap emulator the gateway calls)");
    out.println("  data         " + demo.dataDir());
    out.println("  account      " + demo.accountName() + "  (" + demo.accountId() + ")");
    out.println("  API key      "
        + switch (demo.keySource()) {
          case MATON_API_KEY -> "from MATON_API_KEY (not shown)";
          case GENERATED -> demo.apiKey() + "  (new, kept in " + demo.keyFile() + ")";
          case KEPT -> demo.apiKey() + "  (kept in " + demo.keyFile() + ")";
        });
    out.println("  connection   " + demo.connectionId() + "  ACTIVE"
        + (demo.tenantId() == null ? "" : ", Keap tenant " + demo.tenantId()));
    out.println("  MCP          " + mcpUrl(gw)
        + (demo.gateway().services().config().mcpReadOnly() ? "  (read-only)" : "")
        + "  (for AI agents: the API key as Bearer; docs/MCP.md)");
    out.println("  console      " + gw + "/console  (sign in with the API key"
        + (demo.adminApi() ? "; the operator's view: " + gw + "/console/admin" : "")
        + "; docs/CONSOLE.md)");
    out.println("  admin API    "
        + (demo.adminApi()
            ? "on, at " + gw + "/admin"
            : "off (start with --admin-token or KEAPGW_ADMIN_TOKEN to turn it on)"));
    out.println();
    out.println("Try it:");
    if (demo.apiKey() != null) {
      out.println("  export MATON_API_KEY=" + demo.apiKey());
    }
    out.println("  " + curlLine(gw));
    keapLines(gw).forEach(l -> out.println("  " + l));
    out.println();
    out.println("Stop with Ctrl+C.");
    out.flush();
  }

  /**
   * The same call with the {@code keap} command: {@code ./keap} in a checkout, the package's
   * {@code bin/keap} when its launcher says so ({@code -Dkeapgw.keap}), with the gateway's URL
   * when it is not keap's default.
   */
  static List<String> keapLines(String gatewayUrl) {
    List<String> lines = new ArrayList<>();
    if (!gatewayUrl.equals(AdminTarget.DEFAULT_URL)) {
      lines.add("export KEAP_GATEWAY_URL=" + gatewayUrl);
    }
    lines.add(System.getProperty("keapgw.keap", "./keap") + " contacts list --limit 2");
    return lines;
  }

  /** The MCP endpoint agents connect to (Streamable HTTP). */
  static String mcpUrl(String gatewayUrl) {
    return gatewayUrl + "/mcp";
  }

  /** The first call to paste: it names {@code $MATON_API_KEY}, never the key itself. */
  static String curlLine(String gatewayUrl) {
    return "curl -H \"Authorization: Bearer $MATON_API_KEY\" '" + gatewayUrl
        + "/keap/crm/rest/v2/contacts?page_size=2'";
  }
}
