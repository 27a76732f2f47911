package dev.keapgw.gateway.mcp;

import dev.keapgw.gateway.feature.ControlRoutes;
import dev.keapgw.gateway.feature.Feature;
import dev.keapgw.gateway.feature.GatewayServices;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The MCP endpoint, {@code /mcp} (see {@link McpEndpoint}): every tool an agent needs to work
 * with Keap through this gateway's keys and connections. Its route goes before the control
 * plane's body reading, because the key is checked before the message is read.
 */
public final class McpFeature implements Feature {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(McpFeature.class);
  public static final String PATH = "/mcp";

  @Override
  public void mount(ControlRoutes routes, GatewayServices services) {
    McpMetrics metrics = new McpMetrics(services.metrics());
    Supplier<McpTransport> transport = new Memo<>(() -> {
      long start = System.nanoTime();
      McpServerAssembly.Built built =
          McpServerAssembly.build(services, services.config().mcpReadOnly(), metrics);
      LOG.info(
          "MCP endpoint ready: {} tools in {} ms",
          built.toolCount(),
          (System.nanoTime() - start) / 1_000_000);
      return built.transport();
    });
    URI pub = services.config().publicUrl();
    var origins = DefaultServerTransportSecurityValidator.builder()
        .allowedOrigin(pub.getScheme() + "://" + pub.getAuthority())
        .allowedOrigin("http://localhost:*")
        .allowedOrigin("http://127.0.0.1:*")
        .allowedOrigin("http://[::1]:*")
        .build();
    routes
        .router()
        .route(PATH)
        .order(-1)
        .handler(new McpEndpoint(services.auth(), origins, transport, metrics));
  }

  /**
   * Reads Keap's spec and readies the SDK's schema validator in the background, so that the
   * first MCP message does not wait for them (a second or two on an idle machine, much more on a
   * busy one). For the launcher's {@code serve} and {@code demo}; tests that never use
   * {@code /mcp} do not pay for it.
   */
  public static void warmUp() {
    Thread.ofVirtual().name("mcp-warm-up").start(() -> {
      try {
        dev.keapgw.gateway.mcp.catalog.ActionCatalog.keap();
        io.modelcontextprotocol.json.McpJsonDefaults.getSchemaValidator();
      } catch (RuntimeException e) {
        LOG.warn("could not prepare the MCP endpoint ahead of its first message: {}", e.toString());
      }
    });
  }

  /** A value made once, by the first caller that needs it. */
  private static final class Memo<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T value;

    Memo(Supplier<T> make) {
      this.make = make;
    }

    @Override
    public T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = value = make.get();
          }
        }
      }
      return v;
    }
  }
}
