package dev.keapgw.cli;

import dev.keapgw.client.Target;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where {@code keap} sends requests and with what credential, resolved from flags, environment
 * variables and the profile file. For each setting the first of these that has it wins: the
 * flag; then, if {@code --profile} was given, that profile; then the environment variable;
 * then the profile ({@code KEAP_PROFILE} or {@code default}); then the default. A token (from
 * {@code --token}, {@code KEAP_TOKEN} or the profile) means Keap directly; otherwise the gateway
 * with an API key.
 *
 * @param profile the profile used
 * @param target the gateway or Keap
 * @param timeout how long to wait for an answer to start
 * @param sources where each setting came from (for messages), by key
 */
public record Settings(
    String profile, Target target, Duration timeout, Map<String, String> sources) {
  public static final String DEFAULT_GATEWAY = "http://localhost:8080";

  /** The flags that override everything. */
  public record Flags(
      String profile,
      String gatewayUrl,
      String apiKey,
      String connection,
      String keapUrl,
      String token,
      String timeout) {}

  private record Value(String value, String source) {}

  public static Settings resolve(Flags flags, CliEnv env) {
    ProfileFile file = ProfileFile.load(env);
    boolean profileFlag = flags.profile() != null;
    String profile = profileFlag
        ? flags.profile()
        : env.get("KEAP_PROFILE") != null ? env.get("KEAP_PROFILE") : "default";
    if (!profile.equals("default") && !file.profiles().contains(profile)) {
      throw CliFailure.config(
          "there is no profile '" + profile + "' in " + file.path()
              + (file.profiles().isEmpty()
                  ? " (the file is missing or empty)"
                  : " (it has " + file.profiles() + ")"),
          "add lines such as " + profile + ".api_key = ... to that file, or pick another profile");
    }
    Resolver r = new Resolver(flags, env, file, profile, profileFlag);
    Map<String, String> sources = new LinkedHashMap<>();
    Value token = r.get("token", flags.token(), "KEAP_TOKEN", null);
    Value timeoutV = r.get("timeout", flags.timeout(), "KEAP_TIMEOUT", "60s");
    Duration timeout =
        Durations.parse(timeoutV.value(), "timeout (from " + timeoutV.source() + ")");
    sources.put("timeout", timeoutV.source());
    Target target;
    if (token != null) {
      Value url = r.get("keap_url", flags.keapUrl(), "KEAP_URL", Target.Direct.KEAP.toString());
      sources.put("token", token.source());
      sources.put("keap_url", url.source());
      target = new Target.Direct(url(url, "keap_url"), token.value());
    } else {
      Value key = r.get("api_key", flags.apiKey(), "MATON_API_KEY", null);
      if (key == null) {
        throw CliFailure.config(
            "no API key: MATON_API_KEY is not set",
            "export MATON_API_KEY=<your key> (the gateway prints one when it creates your account), or put"
                + " api_key = <key> in " + file.path() + ", or pass --api-key");
      }
      Value url = r.get("gateway_url", flags.gatewayUrl(), "KEAP_GATEWAY_URL", DEFAULT_GATEWAY);
      Value connection = r.get("connection", flags.connection(), "KEAP_CONNECTION", null);
      sources.put("api_key", key.source());
      sources.put("gateway_url", url.source());
      if (connection != null) {
        sources.put("connection", connection.source());
      }
      target = new Target.Gateway(
          url(url, "gateway_url"),
          key.value(),
          connection == null ? null : connection.value(),
          "keap");
    }
    return new Settings(profile, target, timeout, sources);
  }

  /** Where a setting came from, e.g. {@code MATON_API_KEY}. */
  public String source(String key) {
    return sources.getOrDefault(key, "nowhere");
  }

  public boolean direct() {
    return target instanceof Target.Direct;
  }

  /** The URL requests go to (the gateway's root, or Keap's host). */
  public String url() {
    return switch (target) {
      case Target.Gateway g -> g.root();
      case Target.Direct d -> d.url().toString();
    };
  }

  private static URI url(Value v, String key) {
    try {
      URI u = new URI(v.value());
      if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null) {
        throw new IllegalArgumentException("not an absolute http(s) URL");
      }
      return u;
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw CliFailure.config(
          key + " '" + v.value() + "' (from " + v.source() + ") is not an absolute http(s) URL",
          "set it to something like " + DEFAULT_GATEWAY);
    }
  }

  private record Resolver(
      Flags flags, CliEnv env, ProfileFile file, String profile, boolean profileFlag) {
    Value get(String key, String flagValue, String envName, String fallback) {
      if (flagValue != null && !flagValue.isBlank()) {
        return new Value(flagValue, "--" + key.replace('_', '-'));
      }
      String fromFile = file.get(profile, key);
      String fileSource = "profile '" + profile + "' in " + file.path();
      if (profileFlag && fromFile != null) {
        return new Value(fromFile, fileSource);
      }
      if (env.get(envName) != null) {
        return new Value(env.get(envName), envName);
      }
      if (fromFile != null) {
        return new Value(fromFile, fileSource);
      }
      return fallback == null ? null : new Value(fallback, "the default");
    }
  }
}
