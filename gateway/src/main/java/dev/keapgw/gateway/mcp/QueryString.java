package dev.keapgw.gateway.mcp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Encodes a tool's {@code query} object and path parameters for the data plane: each value
 * percent-encoded (a space as {@code %20}), a list as the parameter repeated
 * ({@code fields=a&fields=b}), null values left out.
 */
final class QueryString {
  private QueryString() {}

  static String encode(Map<String, Object> query) {
    StringJoiner out = new StringJoiner("&");
    query.forEach((name, value) -> {
      if (value instanceof List<?> list) {
        for (Object item : list) {
          if (item != null) {
            out.add(component(name) + "=" + component(Args.scalar(name, item)));
          }
        }
      } else if (value != null) {
        out.add(component(name) + "=" + component(Args.scalar(name, value)));
      }
    });
    return out.toString();
  }

  /** One path segment or query component, percent-encoded (RFC 3986 unreserved characters left as they are). */
  static String component(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
