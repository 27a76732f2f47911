package dev.keapgw.app;

import java.util.Map;
import picocli.CommandLine.Option;

/** The gateway an {@code admin} command talks to, and the operator's token for it. */
final class AdminTarget {
  @Option(
      names = "--url",
      paramLabel = "<url>",
      description = "The gateway (default: ${DEFAULT-VALUE}).")
  String url;

  // no ${DEFAULT-VALUE}: help would show the token from the environment
  @Option(
      names = "--admin-token",
      paramLabel = "<token>",
      description = "The admin token the gateway was started with (or KEAPGW_ADMIN_TOKEN).")
  String adminToken;

  /** Variables not named after the option: the gateway's URL is the one {@code keap} reads too. */
  static final Map<String, String> VARIABLES = Map.of("--url", "KEAP_GATEWAY_URL");

  /** Where {@code admin} and {@code keap} look for the gateway unless told (the demo's and serve's port). */
  static final String DEFAULT_URL = "http://localhost:8080";

  /** The only options {@code admin} reads from the environment. */
  static Map<String, String> builtInDefaults() {
    return Map.of("--url", DEFAULT_URL);
  }
}
