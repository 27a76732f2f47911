package dev.keapgw.gateway.proxy.upstream;

import io.netty.util.AsciiString;
import java.net.URI;

/** Where an upstream listens: scheme, host and port. Connections are pooled per origin and event loop. */
public final class Origin {
  private final String host;
  private final int port;
  private final boolean tls;
  private final AsciiString hostHeader;

  Origin(String host, int port, boolean tls) {
    this.host = host;
    this.port = port;
    this.tls = tls;
    boolean defaultPort = port == (tls ? 443 : 80);
    String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host; // an IPv6 literal
    this.hostHeader = AsciiString.cached(defaultPort ? name : name + ":" + port);
  }

  /** The origin of an upstream base URL such as {@code https://api.infusionsoft.com}. */
  public static Origin of(URI url) {
    boolean tls = "https".equalsIgnoreCase(url.getScheme());
    String host = url.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Origin(host, url.getPort() > 0 ? url.getPort() : (tls ? 443 : 80), tls);
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  boolean tls() {
    return tls;
  }

  /** The {@code Host} header for requests to this origin: the port only when it is not the scheme's default. */
  AsciiString hostHeader() {
    return hostHeader;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Origin other
        && other.port == port
        && other.tls == tls
        && other.host.equals(host);
  }

  @Override
  public int hashCode() {
    return (host.hashCode() * 31 + port) * 2 + (tls ? 1 : 0);
  }

  @Override
  public String toString() {
    return (tls ? "https://" : "http://") + hostHeader;
  }
}
