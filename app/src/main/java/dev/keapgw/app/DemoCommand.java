package dev.keapgw.app;

import dev.keapgw.app.demo.Demo;
import dev.keapgw.app.demo.DemoOptions;
import dev.keapgw.app.demo.DemoOptions.Setting;
import dev.keapgw.app.demo.DemoStartFailure;
import dev.keapgw.app.demo.RunningDemo;
import dev.keapgw.gateway.StartFailure;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code keap-gateway demo}: the sandbox and a gateway in front of it, with an account, its API
 * key and one ACTIVE connection, until the process is stopped. No option is needed.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = Main.Version.class,
    description = {
      "Runs the gateway in front of a Keap sandbox, ready to call.",
      "It makes an account, an API key and one ACTIVE connection through the real",
      "OAuth code grant, so that Keap calls through the gateway work at once.",
      "The key is MATON_API_KEY when that variable is set (it is never printed);",
      "otherwise one is made and printed. Every option can also be set as an",
      "environment variable KEAPGW_<NAME> (KEAPGW_PORT, KEAPGW_DATA_DIR, ...);",
      "flags win over the environment."
    })
final class DemoCommand implements Callable<Integer> {
  /** The variable that brings the user's own API key, as the seed's examples read it. */
  static final String MATON_API_KEY = "MATON_API_KEY";

  @Spec
  CommandSpec spec;

  @Option(
      names = "--host",
      description = "Address the gateway and the sandbox listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", description = "The gateway's port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--sandbox-port",
      paramLabel = "<port>",
      description = "The sandbox's port (default: ${DEFAULT-VALUE}).")
  int sandboxPort;

  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      description =
          "Where the demo keeps its store, keys and sandbox data; a restart finds them again"
              + " (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  // no ${DEFAULT-VALUE} here: it would show a token taken from the environment
  @Option(
      names = "--admin-token",
      paramLabel = "<token>",
      description = "Turns the admin API on, for this token (default: off).")
  String adminToken;

  @Option(
      names = "--mcp-read-only",
      description =
          "The MCP endpoint (/mcp) offers only tools that read: no Keap writes, no connection changes.")
  boolean mcpReadOnly;

  private final Lifetime<RunningDemo> lifetime;
  private final Map<String, String> env;

  DemoCommand(Lifetime<RunningDemo> lifetime, Map<String, String> env) {
    this.lifetime = lifetime;
    this.env = env;
  }

  /** Built-in defaults by option, all taken from {@link DemoOptions#defaults()}. */
  static Map<String, String> builtInDefaults() {
    DemoOptions d = DemoOptions.defaults();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("--host", d.host());
    m.put("--port", Integer.toString(d.port()));
    m.put("--sandbox-port", Integer.toString(d.sandboxPort()));
    m.put("--data-dir", d.dataDir().toString());
    m.put("--mcp-read-only", Boolean.toString(d.mcpReadOnly()));
    return m;
  }

  @Override
  public Integer call() throws InterruptedException {
    DemoOptions options = options();
    DataDirs.requireWritable(options.dataDir(), "--data-dir");
    lifetime.beforeStart();
    RunningDemo demo;
    try {
      demo = Demo.start(options);
    } catch (StartFailure e) {
      throw new CommandFailure(StartProblems.forDemo(e.problem()));
    } catch (DemoStartFailure e) {
      // a port in use is the likeliest failure: say which option moves it
      throw new IllegalStateException(
          e.getMessage() + " (choose another port with "
              + option(
                  e.server() == DemoStartFailure.Server.SANDBOX
                      ? Setting.SANDBOX_PORT
                      : Setting.PORT)
              + ")",
          e.getCause());
    }
    dev.keapgw.gateway.mcp.McpFeature.warmUp();
    try {
      DemoBanner.print(demo, spec.commandLine().getOut());
      lifetime.run(demo);
    } finally {
      demo.close();
    }
    lifetime.stopped(spec.commandLine().getOut());
    return 0;
  }

  /** The options as the demo's; a bad value ({@link DemoOptions#problems()}) is a usage error naming its option. */
  DemoOptions options() {
    DemoOptions o = DemoOptions.defaults()
        .withHost(host.trim())
        .withPorts(port, sandboxPort)
        .withDataDir(dataDir)
        .withAdminToken(adminToken)
        .withMatonApiKey(env.get(MATON_API_KEY))
        .withMcpReadOnly(mcpReadOnly);
    List<DemoOptions.Problem> problems = o.problems();
    if (!problems.isEmpty()) {
      DemoOptions.Problem first = problems.get(0);
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '" + option(first.setting()) + "': " + first.problem());
    }
    return o;
  }

  /** The option that sets a demo setting. */
  private static String option(Setting s) {
    return switch (s) {
      case HOST -> "--host";
      case PORT -> "--port";
      case SANDBOX_PORT -> "--sandbox-port";
      case DATA_DIR -> "--data-dir";
      case ADMIN_TOKEN -> "--admin-token";
    };
  }
}
