package dev.keapgw.gateway.proxy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per data-plane request on the {@code keapgw.access} logger. It names the
 * API key by id and never writes a key, token, secret or the query string (which can carry
 * personal data).
 */
final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("keapgw.access");

  private AccessLog() {}

  static void write(Exchange x, int status, long bytesSent) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    long micros = (System.nanoTime() - x.startNanos) / 1000;
    LOG.info("request_id={} method={} path={} status={} upstream_status={} duration_us={} bytes={} account={} key={} connection={} outcome={}",
        x.requestId, x.request.method().name(), safePath(x.request.path()), status,
        x.upstreamStatus == 0 ? "-" : x.upstreamStatus, micros, bytesSent,
        x.principal == null ? "-" : x.principal.accountId(), x.principal == null ? "-" : x.principal.keyId(),
        x.connection == null ? "-" : x.connection.id(), x.outcome.isEmpty() ? "-" : x.outcome);
  }

  private static String safePath(String p) {
    if (p == null) {
      return "-";
    }
    String s = p.length() > 200 ? p.substring(0, 200) + "..." : p;
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f || c == ' ' ? '_' : c);
    }
    return b.toString();
  }
}
