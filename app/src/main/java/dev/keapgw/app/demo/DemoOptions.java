package dev.keapgw.app.demo;

import dev.keapgw.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run the demo.
 *
 * @param host address both the gateway and the sandbox listen on
 * @param port the gateway's port; 0 picks a free one
 * @param sandboxPort the sandbox's port; 0 picks a free one
 * @param dataDir where the gateway's store, the sandbox's data, the generated encryption key
 *     and the generated API key live; a restart with the same directory finds them again
 * @param adminToken the operator's token for {@code /admin}; null leaves the admin API off
 * @param matonApiKey a key the user brings (the {@code MATON_API_KEY} variable): registered for
 *     the demo account and never shown; null to use a generated key
 * @param mcpReadOnly the gateway's MCP endpoint offers no tool that changes data
 */
public record DemoOptions(
    String host,
    int port,
    int sandboxPort,
    Path dataDir,
    String adminToken,
    String matonApiKey,
    boolean mcpReadOnly) {

  /** The settings a {@link Problem} can be about; the launcher names each by its option. */
  public enum Setting {
    HOST,
    PORT,
    SANDBOX_PORT,
    DATA_DIR,
    ADMIN_TOKEN
  }

  /** One reason the options cannot work: which setting, and what is wrong with it (without the setting's name). */
  public record Problem(Setting setting, String problem) {}

  public static DemoOptions defaults() {
    return new DemoOptions("127.0.0.1", 8080, 9090, Path.of("data", "demo"), null, null, false);
  }

  public DemoOptions withPorts(int gateway, int sandbox) {
    return new DemoOptions(host, gateway, sandbox, dataDir, adminToken, matonApiKey, mcpReadOnly);
  }

  public DemoOptions withHost(String h) {
    return new DemoOptions(h, port, sandboxPort, dataDir, adminToken, matonApiKey, mcpReadOnly);
  }

  public DemoOptions withDataDir(Path d) {
    return new DemoOptions(host, port, sandboxPort, d, adminToken, matonApiKey, mcpReadOnly);
  }

  public DemoOptions withAdminToken(String t) {
    return new DemoOptions(host, port, sandboxPort, dataDir, t, matonApiKey, mcpReadOnly);
  }

  /** With a key the user brings; null or blank means none. */
  public DemoOptions withMatonApiKey(String key) {
    return new DemoOptions(
        host,
        port,
        sandboxPort,
        dataDir,
        adminToken,
        key == null || key.isBlank() ? null : key.trim(),
        mcpReadOnly);
  }

  public DemoOptions withMcpReadOnly(boolean r) {
    return new DemoOptions(host, port, sandboxPort, dataDir, adminToken, matonApiKey, r);
  }

  /**
   * What makes these options unusable, first found first; empty when they can work. The one
   * check of a demo's options: {@link Demo#start} refuses options with problems, and the
   * launcher words each as a usage error naming its option.
   */
  public List<Problem> problems() {
    List<Problem> out = new ArrayList<>();
    if (host == null || host.isBlank()) {
      out.add(new Problem(Setting.HOST, "must not be blank"));
    }
    if (GatewayConfig.portProblem(port) != null) {
      out.add(new Problem(Setting.PORT, GatewayConfig.portProblem(port)));
    }
    if (GatewayConfig.portProblem(sandboxPort) != null) {
      out.add(new Problem(Setting.SANDBOX_PORT, GatewayConfig.portProblem(sandboxPort)));
    } else if (port != 0 && port == sandboxPort) {
      out.add(
          new Problem(Setting.SANDBOX_PORT, "must differ from the gateway's port (" + port + ")"));
    }
    if (dataDir == null) {
      out.add(new Problem(Setting.DATA_DIR, "is required"));
    }
    if (adminToken != null && adminToken.isBlank()) {
      out.add(new Problem(Setting.ADMIN_TOKEN, "must not be blank"));
    }
    return out;
  }

  @Override
  public String toString() {
    // never the admin token or the user's key
    return "DemoOptions[" + host + " gateway:" + port + " sandbox:" + sandboxPort + " data="
        + dataDir
        + " admin=" + (adminToken == null ? "off" : "on")
        + " key=" + (matonApiKey == null ? "generated" : "MATON_API_KEY")
        + (mcpReadOnly ? " mcp=read-only" : "")
        + "]";
  }
}
