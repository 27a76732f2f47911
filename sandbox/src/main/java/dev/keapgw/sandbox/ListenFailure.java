package dev.keapgw.sandbox;

/**
 * The sandbox could not listen on its address (the port taken, the address not this
 * machine's): a start-up failure whose cause is the one the network gave. Launchers tell it from
 * other failures by its type, to say which setting moves it.
 */
public final class ListenFailure extends IllegalStateException {
  private final String host;
  private final int port;

  public ListenFailure(String host, int port, Throwable cause) {
    super("the sandbox cannot listen on " + host + ":" + port + ": " + cause.getMessage(), cause);
    this.host = host;
    this.port = port;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }
}
