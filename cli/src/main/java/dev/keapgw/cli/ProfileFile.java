package dev.keapgw.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The profile file, a Java properties file: {@code <profile>.<key> = value} lines, where a key
 * without a profile belongs to the profile {@code default}. Keys: {@code gateway_url},
 * {@code api_key}, {@code connection}, {@code keap_url}, {@code token}, {@code timeout}.
 *
 * <pre>
 * api_key = ...                      # the default profile
 * work.gateway_url = https://keap-gw.example.com
 * work.api_key = ...
 * direct.token = ...                 # a token means: straight to Keap
 * </pre>
 *
 * It lives at {@code $KEAP_CONFIG}, else {@code $XDG_CONFIG_HOME/keap/config.properties}, else
 * {@code ~/.config/keap/config.properties}; a missing file is an empty one.
 */
public final class ProfileFile {
  public static final Set<String> KEYS =
      Set.of("gateway_url", "api_key", "connection", "keap_url", "token", "timeout");

  private final Path path;
  private final Properties props;

  private ProfileFile(Path path, Properties props) {
    this.path = path;
    this.props = props;
  }

  /** Where the file is for this environment. */
  public static Path locate(CliEnv env) {
    if (env.get("KEAP_CONFIG") != null) {
      return Path.of(env.get("KEAP_CONFIG"));
    }
    if (env.get("XDG_CONFIG_HOME") != null) {
      return Path.of(env.get("XDG_CONFIG_HOME"), "keap", "config.properties");
    }
    return env.home().resolve(".config").resolve("keap").resolve("config.properties");
  }

  public static ProfileFile load(CliEnv env) {
    Path path = locate(env);
    Properties p = new Properties();
    if (Files.isRegularFile(path)) {
      try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw CliFailure.config(
            "cannot read the profile file " + path + ": " + e.getMessage(),
            "fix the file (Java properties: profile.key = value), or point KEAP_CONFIG elsewhere");
      }
    }
    for (String name : p.stringPropertyNames()) {
      String key = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
      if (!KEYS.contains(key)) {
        throw CliFailure.config(
            "unknown key '" + name + "' in " + path,
            "the keys are " + new TreeSet<>(KEYS)
                + ", each optionally after a profile name (work.api_key)");
      }
    }
    return new ProfileFile(path, p);
  }

  public Path path() {
    return path;
  }

  /** The profiles the file names ({@code default} for keys without one). */
  public Set<String> profiles() {
    Set<String> out = new TreeSet<>();
    for (String name : props.stringPropertyNames()) {
      out.add(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "default");
    }
    return out;
  }

  /** A key of a profile, or null. */
  public String get(String profile, String key) {
    String v = props.getProperty(profile + "." + key);
    if (v == null && profile.equals("default")) {
      v = props.getProperty(key);
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** Every key of a profile. */
  public Map<String, String> all(String profile) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (String k : KEYS) {
      String v = get(profile, k);
      if (v != null) {
        out.put(k, v);
      }
    }
    return out;
  }
}
