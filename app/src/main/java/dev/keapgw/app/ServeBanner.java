package dev.keapgw.app;

import dev.keapgw.gateway.Gateway;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.GatewayConfig;
import java.io.PrintWriter;

/**
 * What a started gateway tells its operator: where it listens, what to register with Keap, its
 * upstream, store and limits. Never a secret: not the client secret, the admin token, the
 * encryption key (only its public id), or the database or Redis URL (either may hold a password).
 */
final class ServeBanner {
  private ServeBanner() {}

  static void print(Gateway gateway, PrintWriter out) {
    GatewayConfig c = gateway.services().config();
    out.println();
    out.println("keap-gateway listening on " + SandboxBanner.reachableBase(c.host(), gateway.port())
        + (c.host().equals("0.0.0.0") ? " (all interfaces)" : ""));
    out.println("  public URL     " + c.publicUrl());
    out.println("  redirect URI   " + c.redirectUri() + "  (register it with your OAuth app)");
    for (AppConfig app : c.apps().values()) {
      out.println("  app            /" + app.name() + "/...  ->  " + app.upstreamUrl());
      out.println("  authorize      " + app.authorizeUrl());
      out.println("  token          " + app.tokenUrl());
      out.println("  client_id      " + app.clientId());
    }
    out.println("  store          "
        + (c.dbUrl() == null
            ? "embedded, in " + c.dataDir().toAbsolutePath()
            : "external database (--db-url)"));
    out.println("  rate limits    "
        + (c.redisUrl() == null
            ? "counted in this process"
            : "shared through Redis (--redis-url)"));
    out.println("  encryption     key id " + c.keys().primaryId()
        + (c.keys().ids().size() > 1
            ? " (+ " + (c.keys().ids().size() - 1) + " old, to decrypt only)"
            : ""));
    out.println("  network        "
        + (gateway.services().vertx().isNativeTransportEnabled()
            ? "native transport (epoll)"
            : "Java NIO (the native transport is unavailable on this system)"));
    out.println("  access log     " + c.accessLog());
    out.println("  MCP            " + SandboxBanner.reachableBase(c.host(), gateway.port()) + "/mcp"
        + (c.mcpReadOnly() ? "  (read-only: --mcp-read-only)" : "") + "  (docs/MCP.md)");
    out.println("  console        " + SandboxBanner.reachableBase(c.host(), gateway.port())
        + "/console" + (c.adminToken() == null ? "" : "  (operator: /console/admin)")
        + "  (docs/CONSOLE.md)");
    out.println(
        "  admin API      " + (c.adminToken() == null ? "off (--admin-token turns it on)" : "on"));
    out.println("  limits         " + c.limits().accountPerSecond() + " requests/s per account; "
        + (c.limits().upstreamQuotaPerMinute() == 0
            ? "no upstream budget"
            : c.limits().upstreamQuotaPerMinute() + " requests/min to the upstream"));
    out.println();
    nextSteps(c, out);
    out.println();
    out.println("Stop with Ctrl+C.");
    out.flush();
  }

  /** What an operator does next, as commands to paste: an account and key, a connection, a call. */
  private static void nextSteps(GatewayConfig c, PrintWriter out) {
    String url = c.publicUrl().toString().replaceAll("/+$", "");
    String admin = (url.equals(AdminTarget.DEFAULT_URL) ? "" : "KEAP_GATEWAY_URL=" + url + " ")
        + "./keap-gateway admin accounts create --name <name>";
    out.println("Next steps");
    out.println("  # an account and its API key (the api_key of the answer; shown once)");
    if (c.adminToken() == null) {
      out.println(
          "  # (the admin API is off: restart with --admin-token or KEAPGW_ADMIN_TOKEN, then)");
    }
    out.println("  " + admin);
    out.println("  export MATON_API_KEY=<the api_key>");
    out.println("  # a Keap connection: open the answer's url in a browser signed in to Keap");
    out.println("  curl -s " + url
        + "/connections -H \"Authorization: Bearer $MATON_API_KEY\" -d '{\"app\":\"keap\"}'");
    out.println("  # then call Keap through the gateway");
    out.println("  " + DemoBanner.curlLine(url));
    out.println(
        "  # in front of the Keap sandbox instead of Keap: give the sandbox this client_id and");
    out.println("  #   --redirect-uri " + c.redirectUri()
        + "  (docs/DEPLOY.md, \"Serve in front of the sandbox\")");
  }
}
