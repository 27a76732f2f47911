package dev.keapgw.gateway.proxy.upstream;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import javax.net.ssl.SSLException;

/**
 * Whom the upstream client trusts over TLS: the JDK's authorities ({@link UpstreamClient#defaultTls()})
 * or given certificates ({@link #trusting}); the certificate must always name the host.
 */
public final class UpstreamTls {
  final SslContext context;

  private UpstreamTls(SslContext context) {
    this.context = context;
  }

  /** The JDK's trusted authorities, as browsers do it. */
  static UpstreamTls jdkAuthorities() {
    return build(SslContextBuilder.forClient());
  }

  /** Only the certificates (PEM) in {@code certificates}: an upstream with a certificate of its own making. */
  public static UpstreamTls trusting(File certificates) {
    return build(SslContextBuilder.forClient().trustManager(certificates));
  }

  private static UpstreamTls build(SslContextBuilder b) {
    try {
      return new UpstreamTls(b.endpointIdentificationAlgorithm("HTTPS").build());
    } catch (SSLException e) {
      throw new IllegalStateException("TLS is not available in this JVM: " + e.getMessage(), e);
    }
  }
}
