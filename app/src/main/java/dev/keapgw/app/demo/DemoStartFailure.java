package dev.keapgw.app.demo;

/**
 * The demo could not start because a server of it could not listen: which one is {@link #server()},
 * so that the launcher can say which setting moves it. Other start-up failures are plain
 * {@link IllegalStateException}s that say why.
 */
public final class DemoStartFailure extends IllegalStateException {
  /** The demo's servers. */
  public enum Server {
    GATEWAY,
    SANDBOX
  }

  private final Server server;

  DemoStartFailure(Server server, RuntimeException listenFailure) {
    super(listenFailure.getMessage(), listenFailure.getCause());
    this.server = server;
  }

  public Server server() {
    return server;
  }
}
