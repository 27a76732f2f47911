package dev.keapgw.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.cli.CliEnv;
import dev.keapgw.cli.KeapCli;
import dev.keapgw.cli.Terminal;
import dev.keapgw.client.support.FakeTime;
import dev.keapgw.client.support.LiveGateway;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code keap} in process with an environment, stdin and terminal of the test's choosing,
 * and a home directory of its own (so no real profile file is read).
 */
public final class Cli {
  /** What a run left behind. */
  public record Run(int exit, String out, String err) {
    public List<String> lines() {
      return out.isEmpty() ? List.of() : out.lines().toList();
    }

    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new AssertionError("stdout is not JSON: " + out, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private final Map<String, String> env = new HashMap<>();
  private Terminal terminal = Terminal.NONE;
  private String stdin = "";
  private FakeTime time = new FakeTime();
  private final Path home;

  public Cli() {
    try {
      home = Files.createTempDirectory("keap-cli-home");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A command line set up for the live gateway with its key. */
  public static Cli against(LiveGateway live) {
    return new Cli().env("MATON_API_KEY", live.apiKey()).env("KEAP_GATEWAY_URL", live.url());
  }

  public Cli env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  public Cli terminal(Terminal t) {
    this.terminal = t;
    return this;
  }

  public Cli stdin(String text) {
    this.stdin = text;
    return this;
  }

  public Cli time(FakeTime t) {
    this.time = t;
    return this;
  }

  public Path home() {
    return home;
  }

  /** Writes the profile file at its default place under this home. */
  public Cli profileFile(String content) {
    try {
      Path p = home.resolve(".config/keap/config.properties");
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnv cliEnv = new CliEnv(
        Map.copyOf(env),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        terminal,
        home,
        time,
        time);
    int code = KeapCli.run(args, cliEnv);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
