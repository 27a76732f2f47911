package dev.keapgw.cli;

import dev.keapgw.cli.output.OutputFormat;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes (before or after the command's name). Credentials are best
 * left to MATON_API_KEY or the profile file: a flag shows up in the shell's history.
 */
public final class GlobalOptions {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      scope = ScopeType.INHERIT,
      description =
          "table, json, jsonl or csv (default: table on a terminal; otherwise json for one object,"
              + " jsonl for a list)")
  String output;

  @Option(
      names = "--columns",
      paramLabel = "PATHS",
      scope = ScopeType.INHERIT,
      description =
          "columns for table and csv, comma-separated dotted paths, optionally header=path"
              + " (e.g. id,email=email_addresses.0.email)")
  String columns;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description = "profile of the profile file to use (default: KEAP_PROFILE, else 'default')")
  String profile;

  @Option(
      names = "--gateway-url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = "the gateway (default: KEAP_GATEWAY_URL, else http://localhost:8080)")
  String gatewayUrl;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      scope = ScopeType.INHERIT,
      description = "the gateway API key (default: MATON_API_KEY)")
  String apiKey;

  @Option(
      names = {"-c", "--connection"},
      paramLabel = "ID",
      scope = ScopeType.INHERIT,
      description =
          "the gateway connection to use (default: KEAP_CONNECTION, else the oldest ACTIVE one)")
  String connection;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      scope = ScopeType.INHERIT,
      description =
          "talk to Keap directly with this access token or personal access key (default: KEAP_TOKEN)")
  String token;

  @Option(
      names = "--keap-url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description =
          "Keap's address for --token (default: KEAP_URL, else https://api.infusionsoft.com)")
  String keapUrl;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      scope = ScopeType.INHERIT,
      description = "how long to wait for an answer to start, e.g. 30s (default 60s)")
  String timeout;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "report retries on stderr, and the stack trace of an unexpected failure")
  boolean verbose;

  @Option(
      names = {"-y", "--yes"},
      scope = ScopeType.INHERIT,
      description = "do not ask before deleting (nothing ever asks when stdin is not a terminal)")
  boolean yes;

  public OutputFormat explicitFormat() {
    if (output == null) {
      return null;
    }
    OutputFormat f = OutputFormat.parse(output);
    if (f == null) {
      throw CliFailure.usage(
          "--output '" + output + "' is not a format", "use table, json, jsonl or csv");
    }
    return f;
  }

  Settings.Flags flags() {
    return new Settings.Flags(profile, gatewayUrl, apiKey, connection, keapUrl, token, timeout);
  }
}
