package dev.keapgw.gateway.proxy;

/**
 * A hint for the commonest wrong data-plane path: one that leaves out Keap's {@code /crm/rest}
 * prefix ({@code /keap/v2/contacts} for {@code /keap/crm/rest/v2/contacts}). Keap answers such
 * a path 404, and that answer passes through unchanged; the gateway only adds
 * {@value #HEADER} to it and names the hint in the access log's {@code outcome}.
 */
final class PathHint {
  static final String HEADER = "X-Gateway-Hint";
  /** The access log's {@code outcome} for an answer that carries the hint. */
  static final String OUTCOME = "hint_missing_crm_rest";

  private static final String PREFIX = "/crm/";

  private PathHint() {}

  /**
   * The hint for Keap's answer {@code status} to {@code pathAfterApp} (the path after
   * {@code /{app}}), or null when there is none: only a 404 to a path outside {@code /crm/}.
   */
  static String forAnswer(String app, String pathAfterApp, int status) {
    if (status != 404 || !"keap".equals(app) || pathAfterApp.startsWith(PREFIX)) {
      return null;
    }
    String rest =
        pathAfterApp.startsWith("/rest/") ? pathAfterApp.substring("/rest".length()) : pathAfterApp;
    return "Keap's REST API is under /crm/rest: did you mean /" + app + "/crm/rest"
        + printable(rest) + " ?";
  }

  /** The path as a header value can carry it: printable ASCII only, at most 200 characters. */
  private static String printable(String path) {
    StringBuilder b = new StringBuilder(Math.min(path.length(), 200));
    for (int i = 0; i < path.length() && b.length() < 200; i++) {
      char c = path.charAt(i);
      b.append(c > 0x20 && c < 0x7f ? c : '_');
    }
    return b.toString();
  }
}
