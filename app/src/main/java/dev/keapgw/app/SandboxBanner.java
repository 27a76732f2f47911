package dev.keapgw.app;

import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxConfig;
import dev.keapgw.sandbox.store.Tenant;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a started sandbox tells its operator: where it is, its OAuth client, its tenants, how to begin. */
final class SandboxBanner {
  private SandboxBanner() {}

  static void print(Sandbox sandbox, PrintWriter out) {
    SandboxConfig c = sandbox.config();
    String base = reachableBase(c.host(), sandbox.port());
    List<Tenant> tenants = sandbox.context().world().tenants();
    String first = tenants.isEmpty() ? "kx101" : tenants.get(0).id();
    String redirect = c.redirectUris().get(0);
    out.println();
    out.println("Keap sandbox listening on " + base
        + (isWildcard(c.host()) ? " (all interfaces, " + c.host() + ")" : ""));
    out.println("  CRM API        " + base + "/crm/rest/v2");
    out.println("  REST hooks     " + base + "/crm/rest/v1/hooks (events sent "
        + Durations.format(c.hookDelay()) + " to "
        + Durations.format(c.hookDelay().multipliedBy(2)) + " after a change; --hook-delay)");
    out.println("  quotas         "
        + (c.quotas().enforced() ? "enforced (Keap's limits)" : "counted, never enforced"));
    out.println(
        "  data           " + (c.dataDir() == null ? "in memory" : c.dataDir().toAbsolutePath()));
    out.println();
    out.println("OAuth client");
    out.println("  client_id      " + c.clientId());
    out.println("  client_secret  " + c.clientSecret());
    c.redirectUris().forEach(u -> out.println("  redirect_uri   " + u));
    out.println(
        "  auto-approve   " + (c.autoApprove() ? "on (first tenant, no consent page)" : "off"));
    out.println();
    out.println("Tenants");
    tenants.forEach(t -> out.println("  " + t.id() + "  " + t.appName()));
    out.println();
    out.println("Try");
    out.println("  # a personal access key for the first tenant, then a call with it");
    out.println("  curl -s -X POST " + base + "/_sandbox/tenants/" + first + "/api-keys");
    out.println("  curl -s -H 'Authorization: Bearer <api_key>' " + base + "/crm/rest/v2/users");
    out.println("  # the OAuth code flow starts in a browser at");
    out.println("  " + base + "/app/oauth/authorize?client_id=" + enc(c.clientId())
        + "&redirect_uri=" + enc(redirect) + "&response_type=code&scope=full");
    out.println("  # counters");
    out.println("  curl -s " + base + "/_sandbox/stats");
    out.println();
    out.println("Stop with Ctrl+C.");
    out.flush();
  }

  /** A base URL a client on this machine can use, even when listening on every interface. */
  static String reachableBase(String host, int port) {
    String h = isWildcard(host) ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port;
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
