package dev.keapgw.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Tells data-plane requests made by the gateway's own features (the MCP endpoint calls the
 * listener with the caller's key) apart from a caller's, for the access log only. The feature
 * sends {@value #HEADER}: {@code <this process's secret> <label>}; the secret is random per
 * process and never leaves it (the header goes to this process's own listener, and no
 * {@code Maton-*} header is forwarded upstream), so a caller who sends the header without it
 * is not labelled. Nothing but the log line depends on the label: the request goes through
 * the same authentication, limits and connection choice either way.
 */
public final class CallerOrigin {
  public static final String HEADER = "Maton-Origin";
  private static final String SECRET = HexFormat.of().formatHex(randomBytes());

  private CallerOrigin() {}

  /** The header value that labels a request as made by {@code label} (a short token such as {@code mcp:run_action}). */
  public static String headerValue(String label) {
    return SECRET + " " + label;
  }

  /** The label of a request sent with this process's secret, or null. */
  static String of(HttpServerRequest req) {
    String v = req.getHeader(HEADER);
    if (v == null
        || v.length() <= SECRET.length() + 1
        || !v.startsWith(SECRET)
        || v.charAt(SECRET.length()) != ' ') {
      return null;
    }
    String label = v.substring(SECRET.length() + 1);
    return label.length() <= 64 && label.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? label : null;
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
