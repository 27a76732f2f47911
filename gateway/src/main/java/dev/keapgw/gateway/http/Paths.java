package dev.keapgw.gateway.http;

/** What the gateway reads from a request path before anything else. */
public final class Paths {
  private Paths() {}

  /**
   * The path's first segment: the app's name on the data plane ({@code keap} in {@code
   * /keap/crm/rest/v2/contacts}), a reserved word on the control plane ({@code connections});
   * empty for {@code /}, an empty path or null.
   */
  public static String firstSegment(String path) {
    if (path == null || path.length() < 2) {
      return "";
    }
    int end = path.indexOf('/', 1);
    return end < 0 ? path.substring(1) : path.substring(1, end);
  }
}
