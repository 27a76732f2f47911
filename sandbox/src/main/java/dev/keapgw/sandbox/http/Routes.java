package dev.keapgw.sandbox.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's route table. A pattern is a path whose {@code {name}} segments capture one
 * segment each; literal segments, including Keap's custom methods such as
 * {@code contacts:applyTags}, win over captures, so {@code /tags/categories} never reaches
 * {@code /tags/{tag_id}}. A capture may carry a custom method after it, as in
 * {@code {sequence_id}:addContacts}: the segment must end with that suffix, the rest is
 * captured, and such a segment counts as a literal.
 */
public final class Routes {
  /** The outcome of matching: a handler with its path parameters, 404 or 405. */
  public sealed interface Match {}

  public record Found(Handler handler, Map<String, String> params) implements Match {}

  public record NoPath() implements Match {}

  public record NoMethod(List<String> allowed) implements Match {}

  private record Route(String method, String[] segments, Handler handler) {
    int literalCount() {
      int n = 0;
      for (String s : segments) {
        if (!s.startsWith("{") || !s.endsWith("}")) {
          n++;
        }
      }
      return n;
    }
  }

  private final List<Route> routes;
  private final String prefix;

  /** A table whose patterns are all relative to {@code prefix} (for example {@code /crm/rest/v2}). */
  public Routes(String prefix) {
    this(prefix, new ArrayList<>());
  }

  private Routes(String prefix, List<Route> routes) {
    this.prefix = prefix;
    this.routes = routes;
  }

  /**
   * The same table, with patterns added through the answer relative to {@code otherPrefix}:
   * Keap's v1 endpoints ({@code /crm/rest/v1/hooks}) share the v2 API's credential check,
   * quotas and routing.
   */
  public Routes at(String otherPrefix) {
    return new Routes(otherPrefix, routes);
  }

  public Routes get(String pattern, Handler h) {
    return add("GET", pattern, h);
  }

  public Routes post(String pattern, Handler h) {
    return add("POST", pattern, h);
  }

  public Routes patch(String pattern, Handler h) {
    return add("PATCH", pattern, h);
  }

  public Routes put(String pattern, Handler h) {
    return add("PUT", pattern, h);
  }

  public Routes delete(String pattern, Handler h) {
    return add("DELETE", pattern, h);
  }

  public Routes add(String method, String pattern, Handler h) {
    routes.add(new Route(method, split(prefix + pattern), h));
    // Most literal segments first, so literals beat captures at the same depth.
    routes.sort((a, b) -> Integer.compare(b.literalCount(), a.literalCount()));
    return this;
  }

  public Match match(String method, String path) {
    String[] parts = split(path);
    List<String> allowed = new ArrayList<>();
    for (Route r : routes) {
      Map<String, String> params = bind(r.segments, parts);
      if (params == null) {
        continue;
      }
      if (r.method.equals(method)) {
        return new Found(r.handler, params);
      }
      allowed.add(r.method);
    }
    return allowed.isEmpty() ? new NoPath() : new NoMethod(allowed);
  }

  private static Map<String, String> bind(String[] pattern, String[] parts) {
    if (pattern.length != parts.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      int close = p.indexOf('}');
      if (p.startsWith("{") && close > 0) {
        String suffix = p.substring(close + 1);
        if (parts[i].length() <= suffix.length() || !parts[i].endsWith(suffix)) {
          return null;
        }
        params.put(
            p.substring(1, close), parts[i].substring(0, parts[i].length() - suffix.length()));
      } else if (!p.equals(parts[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.split("/", -1);
  }
}
