package dev.keapgw.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code keap config}: where requests would go, with what, and where each setting came from. */
@Command(
    name = "config",
    description = "Show the settings in effect (secrets masked) and where each came from.")
final class ConfigCommand implements Callable<Integer> {
  private final Session s;

  ConfigCommand(Session s) {
    this.s = s;
  }

  @Override
  public Integer call() throws Exception {
    ProfileFile file = ProfileFile.load(s.env());
    Settings settings = s.settings();
    ObjectNode o = s.mapper().createObjectNode();
    o.put("profile", settings.profile());
    o.put("profile_file", file.path().toString());
    o.put("profiles", String.join(",", file.profiles()));
    o.put("target", settings.direct() ? "keap" : "gateway");
    o.put("url", settings.url());
    o.put("api_base", settings.target().apiBase());
    switch (settings.target()) {
      case dev.keapgw.client.Target.Gateway g -> {
        o.put("api_key", mask(g.apiKey()));
        o.put(
            "connection", g.connectionId() == null ? "(the oldest ACTIVE one)" : g.connectionId());
      }
      case dev.keapgw.client.Target.Direct d -> o.put("token", mask(d.token()));
    }
    o.put(
        "timeout",
        settings.timeout().toMillis() % 1000 == 0
            ? settings.timeout().toSeconds() + "s"
            : settings.timeout().toMillis() + "ms");
    settings.sources().forEach((k, v) -> o.put(k + "_from", v));
    s.output(false).object(o, null);
    return ExitCodes.OK;
  }

  private static String mask(String secret) {
    return secret.length() <= 8
        ? "****"
        : secret.substring(0, 4) + "…" + secret.substring(secret.length() - 4);
  }
}
