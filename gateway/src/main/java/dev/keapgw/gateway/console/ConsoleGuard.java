package dev.keapgw.gateway.console;

import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a console request comes from (its session cookie), and whether a change may be made.
 * A change (any method but GET) needs all of: an {@code Origin} that is the gateway's own when
 * the browser sends one, a {@code Sec-Fetch-Site} of {@code same-origin} when it sends one, a
 * JSON body type, and, once signed in, the session's CSRF token in {@code X-CSRF-Token}. The
 * cookies are {@code SameSite=Strict} besides, so another site's page never gets to send them.
 */
final class ConsoleGuard {
  static final String CSRF_HEADER = "X-CSRF-Token";

  private final ConsoleSessions sessions;
  private final ConsoleMetrics metrics;
  private final String publicOrigin;
  private final boolean secureCookies;

  ConsoleGuard(ConsoleSessions sessions, ConsoleMetrics metrics, URI publicUrl) {
    this.sessions = sessions;
    this.metrics = metrics;
    this.publicOrigin = origin(publicUrl);
    this.secureCookies = "https".equalsIgnoreCase(publicUrl.getScheme());
  }

  /** The request's live session of this kind, if any. Blocking. */
  Optional<ConsoleSession> session(RoutingContext ctx, ConsoleSession.Kind kind) {
    Cookie c = ctx.request().getCookie(kind.cookie);
    return c == null ? Optional.empty() : sessions.find(c.getValue(), kind);
  }

  /** The session, or a 401 saying where to sign in. Blocking. */
  ConsoleSession require(RoutingContext ctx, ConsoleSession.Kind kind) {
    return session(ctx, kind).orElseThrow(() -> {
      metrics.refused("no_session");
      return new GatewayException(
          ErrorType.UNAUTHORIZED,
          kind == ConsoleSession.Kind.OPERATOR
              ? "Not signed in as the operator (or the session ended): sign in at /console/admin."
              : "Not signed in (or the session ended): sign in at /console with an API key.");
    });
  }

  /** Refuses (403) a change that may not come from the console's own pages; {@code s} is null at sign-in. */
  void checkChange(RoutingContext ctx, ConsoleSession s) {
    var req = ctx.request();
    if (req.method() == HttpMethod.GET) {
      return;
    }
    String origin = req.getHeader("Origin");
    if (origin != null
        && !origin.equalsIgnoreCase(publicOrigin)
        && !sameHost(origin, req.getHeader("Host"))) {
      throw forbidden(
          "cross_origin",
          "This request comes from another site's page (Origin " + shorten(origin)
              + "); the console only takes changes from its own pages.");
    }
    String site = req.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin")) {
      throw forbidden(
          "cross_origin",
          "This request was not made by the console's own pages (Sec-Fetch-Site " + shorten(site)
              + ").");
    }
    String type = req.getHeader("Content-Type");
    if (ctx.body() != null
        && ctx.body().length() > 0
        && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
      throw forbidden(
          "content_type", "Console requests send JSON: Content-Type: application/json.");
    }
    if (s != null) {
      String given = req.getHeader(CSRF_HEADER);
      if (given == null
          || !java.security.MessageDigest.isEqual(
              given.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              s.csrfToken().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
        throw forbidden(
            "csrf",
            "Missing or wrong " + CSRF_HEADER + " header: reload the console page and try again.");
      }
    }
  }

  void setCookie(RoutingContext ctx, ConsoleSession.Kind kind, String token) {
    ctx.response().addCookie(cookie(kind, token).setMaxAge(ConsoleSessions.LIFETIME.toSeconds()));
  }

  void clearCookie(RoutingContext ctx, ConsoleSession.Kind kind) {
    ctx.response().addCookie(cookie(kind, "").setMaxAge(0));
  }

  private Cookie cookie(ConsoleSession.Kind kind, String value) {
    return Cookie.cookie(kind.cookie, value)
        .setPath("/console")
        .setHttpOnly(true)
        .setSecure(secureCookies)
        .setSameSite(CookieSameSite.STRICT);
  }

  private GatewayException forbidden(String reason, String message) {
    metrics.refused(reason);
    return new GatewayException(ErrorType.FORBIDDEN, message);
  }

  private static boolean sameHost(String origin, String host) {
    return host != null
        && (origin.equalsIgnoreCase("http://" + host)
            || origin.equalsIgnoreCase("https://" + host));
  }

  static String origin(URI u) {
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    int port = u.getPort();
    boolean defaultPort = port < 0
        || (scheme.equals("http") && port == 80)
        || (scheme.equals("https") && port == 443);
    return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
