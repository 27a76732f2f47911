package dev.keapgw.sandbox.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Which redirect URIs a client may register, and how answers are appended to them. Keap
 * demands https; the sandbox also accepts plain http to a loopback host, because it and the
 * applications it serves run on the developer's machine.
 */
final class RedirectUris {
  private RedirectUris() {}

  /**
   * Returns {@code uri} when it can be registered.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static String check(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("a redirect URI must not be empty");
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "redirect URI '" + uri + "' is not a valid URI: " + e.getReason());
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!parsed.isAbsolute()
        || parsed.getHost() == null
        || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          "redirect URI '" + uri + "' must be an absolute https URL");
    }
    if (parsed.getRawFragment() != null) {
      // RFC 6749 3.1.2: the server appends to the query, so a fragment would swallow the answer.
      throw new IllegalArgumentException("redirect URI '" + uri + "' must not have a fragment");
    }
    if (scheme.equals("http") && !isLoopback(parsed.getHost())) {
      throw new IllegalArgumentException(
          "redirect URI '" + uri
              + "' must use https; plain http is accepted only for loopback hosts (localhost, 127.0.0.1, [::1])");
    }
    return uri;
  }

  /** Loopback by name or literal address only: no DNS lookup, so the answer never depends on the network. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.equals("[::1]")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  /** {@code uri} with {@code params} added to its query string (null values are left out). */
  static String withParams(String uri, Map<String, String> params) {
    StringBuilder sb = new StringBuilder(uri);
    char sep = uri.indexOf('?') < 0 ? '?' : '&';
    boolean endsOpen = uri.endsWith("?") || uri.endsWith("&");
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (p.getValue() == null) {
        continue;
      }
      if (!endsOpen) {
        sb.append(sep);
      }
      endsOpen = false;
      sep = '&';
      sb.append(encode(p.getKey())).append('=').append(encode(p.getValue()));
    }
    return sb.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
