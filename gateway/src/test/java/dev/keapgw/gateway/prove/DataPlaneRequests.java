package dev.keapgw.gateway.prove;

import static dev.keapgw.gateway.prove.HostileCase.utf8AsLatin1;

import dev.keapgw.gateway.prove.Actors.Who;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Generators of hostile data-plane requests: paths (dot segments raw and encoded in any case,
 * encoded slashes and backslashes, {@code //host}, {@code @}, absolute-form targets, CR/LF,
 * huge lengths), query strings, and headers (oversized, many, repeated or conflicting
 * {@code Authorization} and {@code Maton-Connection}, spoofed forwarding headers, folded and
 * malformed lines). Each case knows whose token may reach the upstream, if anyone's.
 */
final class DataPlaneRequests {
  static final String UPSTREAM_BASE = "/up";

  private static final List<String> PLAIN = List.of(
      "crm",
      "rest",
      "v2",
      "contacts",
      "tags",
      "123",
      "users",
      "x",
      "oauth",
      "connect",
      "userinfo",
      "a.b",
      "...");
  private static final List<String> DOTS = List.of(
      ".",
      "..",
      "%2e",
      "%2E",
      "%2e%2e",
      "%2E%2e",
      "%2e%2E",
      ".%2e",
      "%2e.",
      "%252e%252e",
      "..;",
      "..;x=1",
      ";..",
      "..%00",
      "%c0%ae%c0%ae",
      utf8AsLatin1("\uff0e\uff0e"),
      "%u002e%u002e",
      "..\\",
      "....",
      ". .",
      "%2E%2E%2F",
      ".%2E/",
      "..%5c",
      "%2e%2e%2f%2e%2e");
  private static final List<String> SLASHES = List.of(
      "%2f",
      "%2F",
      "%5c",
      "%5C",
      "\\",
      "%252f",
      "a%2fb",
      "..%2f..",
      "%2f%2f",
      "%5c%5c",
      "a\\..\\b",
      "%2F..%2F");
  private static final List<String> ODD = List.of(
      "",
      "@",
      "evil.example",
      "user@evil.example",
      "http:",
      "https:",
      "%00",
      "%0d%0a",
      "%0d%0aX-Injected:%201",
      "%0aX-A:1",
      "%20",
      utf8AsLatin1("\u00e9"),
      utf8AsLatin1("\u2603"),
      "%ff",
      "%",
      "%zz",
      "~",
      ";",
      "a;b=c",
      "*",
      "#",
      "#x/../..",
      "?",
      ":443",
      "%40evil.example",
      "a\r\nX-Injected: 1",
      "a\nb",
      "a\rb",
      "a b",
      "a\tb",
      "\u00ff",
      "\u0000",
      "\u007f",
      "%7f",
      "%c3%a9",
      "!$&'()*+,=");
  private static final List<String> PREFIXES = List.of(
      "/keap/",
      "/keap/",
      "/keap/",
      "/keap/",
      "/keap/",
      "/keap/",
      "/keap/",
      "/keap/",
      "/KEAP/",
      "/Keap/",
      "//keap/",
      "/./keap/",
      "/keap/../",
      "/keap%2f",
      "/%6beap/",
      "/keap;x/",
      "/keap/./",
      "/keap//",
      "/connections/../keap/",
      "/admin/../keap/",
      "/%2e%2e/keap/",
      "/keap",
      "/keap\\");
  private static final List<String> TARGET_FORMS = List.of(
      "",
      "",
      "",
      "",
      "",
      "http://evil.example",
      "http://user@evil.example",
      "HTTP://EVIL.EXAMPLE:80",
      "//evil.example",
      "https://evil.example",
      "http://127.0.0.1:1",
      "http://evil.example@127.0.0.1",
      "http:///");
  private static final List<String> METHODS = List.of(
      "GET", "GET", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "FOO", "TRACE",
      "CONNECT");
  private static final List<String> QUERY_PARTS = List.of(
      "a=b",
      "%",
      "%%",
      "%zz",
      "%0",
      "%00",
      "%0d%0a",
      "#",
      "#frag",
      "&",
      "&&",
      "=",
      "==",
      "a=b=c",
      utf8AsLatin1("\u2603"),
      utf8AsLatin1("q=Jos\u00e9"),
      "%ff",
      "%c3%a9",
      "+",
      "%2B",
      ";",
      "?",
      "/../..",
      "@evil.example",
      "http://evil.example",
      "filter=email%3D%3Dx%40y.z",
      "\u00ff",
      "page_size=0",
      "order_by=email desc",
      "x=\r\nX-Injected: 1",
      "=v",
      "k=",
      "[]=1",
      "a[b]=c",
      "%2e%2e/%2e%2e");

  private final Actors actors;

  DataPlaneRequests(Actors actors) {
    this.actors = actors;
  }

  /** Hostile paths and request-target forms, sent with A's valid key. */
  Gen<HostileCase> paths() {
    Gen<String> segment = Generate.frequency(List.of(
        org.quicktheories.api.Pair.of(5, Generate.pick(PLAIN)),
        org.quicktheories.api.Pair.of(4, Generate.pick(DOTS)),
        org.quicktheories.api.Pair.of(3, Generate.pick(SLASHES)),
        org.quicktheories.api.Pair.of(3, Generate.pick(ODD))));
    Gen<String> rest =
        SourceDSL.lists().of(segment).ofSizeBetween(0, 7).map(l -> String.join("/", l));
    Gen<Integer> padding = Generate.frequency(List.of(
        org.quicktheories.api.Pair.of(20, Generate.constant(0)),
        org.quicktheories.api.Pair.of(
            1, Generate.pick(List.of(200, 8_000, 8_200, 12_000, 17_000, 40_000)))));
    Gen<String> path = Generate.pick(PREFIXES)
        .zip(rest, padding, (p, r, n) -> p + r + (n == 0 ? "" : "/" + "a".repeat(n)));
    Gen<String> query = queries();
    return Generate.pick(TARGET_FORMS)
        .zip(path, query, Generate.pick(METHODS), (form, p, q, method) -> {
          String target = form + p + (q == null ? "" : "?" + q);
          List<String> headers = List.of("Host: gw.test", "Authorization: Bearer " + actors.keyA());
          // TRACE would echo the injected token back, CONNECT asks for a tunnel: neither may cross
          boolean forwardable = !method.equals("TRACE") && !method.equals("CONNECT");
          return build(
              method + " " + shorten(target),
              method,
              target,
              "HTTP/1.1",
              headers,
              expectedTarget(p, q),
              forwardable ? actors.tokenA() : null);
        });
  }

  /** Odd query strings on an ordinary path. */
  Gen<HostileCase> queryStrings() {
    return queries()
        .zip(Generate.pick(List.of("/keap/crm/rest/v2/contacts", "/keap/", "/keap")), (q, p) -> {
          String target = p + (q == null ? "" : "?" + q);
          return build(
              "query " + shorten(q),
              "GET",
              target,
              "HTTP/1.1",
              List.of("Host: gw.test", "Authorization: Bearer " + actors.keyA()),
              expectedTarget(p, q),
              actors.tokenA());
        });
  }

  /** Repeated, conflicting, spoofed, oversized and malformed headers. */
  Gen<HostileCase> headers() {
    Gen<Integer> fillers = Generate.frequency(List.of(
        org.quicktheories.api.Pair.of(6, Generate.constant(0)),
        org.quicktheories.api.Pair.of(2, Generate.range(1, 40)),
        org.quicktheories.api.Pair.of(1, Generate.pick(List.of(150, 400, 2_000)))));
    Gen<List<String>> extra =
        SourceDSL.lists().of(Generate.pick(hostileHeaders())).ofSizeBetween(0, 4);
    Gen<String> version = Generate.frequency(List.of(
        org.quicktheories.api.Pair.of(30, Generate.constant("HTTP/1.1")),
        org.quicktheories.api.Pair.of(
            1,
            Generate.pick(List.of(
                "HTTP/1.0",
                "HTTP/2.0",
                "HTTP/0.9",
                "HTTP/1.2",
                "HTTP/3",
                "http/1.1",
                "HTTP/1.1 extra",
                "HTTP/11",
                "HTTP/1.1\t")))));
    return Generate.pick(auths())
        .zip(
            Generate.pick(matonHeaders()),
            extra,
            fillers.zip(version, Generate.pick(hosts()), Cfg::new),
            (auth, maton, more, cfg) -> {
              List<String> lines = new ArrayList<>(cfg.host);
              lines.addAll(auth.lines);
              lines.addAll(maton.lines);
              lines.addAll(more);
              for (int i = 0; i < cfg.fillers; i++) {
                lines.add("X-Filler-" + i + ": " + "v".repeat(i % 50));
              }
              Who who = auth.who;
              boolean forwards = who != Who.NOBODY && maton.allows(who);
              String path = "/keap/crm/rest/v2/contacts";
              HostileCase c = build(
                  "auth=" + auth.label + " maton=" + maton.label + " extra=" + more.size()
                      + " fillers=" + cfg.fillers + " " + cfg.version,
                  "GET",
                  path,
                  cfg.version,
                  lines,
                  expectedTarget(path, null),
                  forwards ? actors.tokenOf(who) : null);
              boolean odd = !cfg.version.equals("HTTP/1.1") && !cfg.version.equals("HTTP/1.0");
              return new HostileCase(
                  c.label(), c.bytes(), c.forwardToken(), c.upstreamTarget(), odd);
            });
  }

  private record Cfg(int fillers, String version, List<String> host) {}

  record Auth(String label, List<String> lines, Who who) {}

  /**
   * A {@code Maton-Connection} choice; {@code owner} is the account whose ACTIVE connection the
   * first header names (null: no header, so the caller's oldest ACTIVE one), {@code none}: it
   * names nothing usable, so nothing may be forwarded.
   */
  record Maton(String label, List<String> lines, Who owner, boolean none) {
    boolean allows(Who caller) {
      return !none && (owner == null || owner == caller);
    }
  }

  List<Auth> auths() {
    String a = actors.keyA();
    String b = actors.keyB();
    return List.of(
        new Auth("A", List.of("Authorization: Bearer " + a), Who.A),
        new Auth("A-lower", List.of("authorization: bearer " + a), Who.A),
        new Auth("A-spaced", List.of("Authorization: Bearer    " + a + "   "), Who.A),
        new Auth("B", List.of("Authorization: Bearer " + b), Who.B),
        new Auth("none", List.of(), Who.NOBODY),
        new Auth("garbage", List.of("Authorization: Bearer kgw_not-a-key"), Who.NOBODY),
        new Auth("empty", List.of("Authorization: Bearer "), Who.NOBODY),
        new Auth(
            "basic",
            List.of("Authorization: Basic "
                + Base64.getEncoder()
                    .encodeToString((a + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            Who.NOBODY),
        new Auth("revoked", List.of("Authorization: Bearer " + actors.revokedKeyA()), Who.NOBODY),
        new Auth("x-api-key", List.of("X-Api-Key: " + a), Who.NOBODY),
        new Auth("two-keys-in-one", List.of("Authorization: Bearer " + a + " " + b), Who.NOBODY),
        new Auth(
            "A-then-B", List.of("Authorization: Bearer " + a, "Authorization: Bearer " + b), Who.A),
        new Auth(
            "B-then-A", List.of("Authorization: Bearer " + b, "Authorization: Bearer " + a), Who.B),
        new Auth(
            "garbage-then-A",
            List.of("Authorization: Bearer nope", "Authorization: Bearer " + a),
            Who.NOBODY),
        new Auth("A-then-empty", List.of("Authorization: Bearer " + a, "Authorization:"), Who.A),
        new Auth("A-nul", List.of("Authorization: Bearer " + a + "\u0000"), Who.NOBODY),
        new Auth("A-folded", List.of("Authorization: Bearer", " " + a), Who.A),
        new Auth(
            "A-upper-key",
            List.of("Authorization: Bearer " + a.toUpperCase(Locale.ROOT)),
            Who.NOBODY),
        new Auth(
            "A-prefix",
            List.of("Authorization: Bearer " + a.substring(0, a.length() - 1)),
            Who.NOBODY));
  }

  List<Maton> matonHeaders() {
    String a = actors.activeA();
    String b = actors.activeB();
    return List.of(
        new Maton("none", List.of(), null, false),
        new Maton("none", List.of(), null, false),
        new Maton("A", List.of("Maton-Connection: " + a), Who.A, false),
        new Maton("A-padded", List.of("Maton-Connection:   " + a + "  "), Who.A, false),
        new Maton("A-lower-name", List.of("maton-connection: " + a), Who.A, false),
        new Maton("B", List.of("Maton-Connection: " + b), Who.B, false),
        new Maton("A-pending", List.of("Maton-Connection: " + actors.pendingA()), null, true),
        new Maton(
            "unknown",
            List.of("Maton-Connection: 00000000-0000-4000-8000-000000000000"),
            null,
            true),
        new Maton("garbage", List.of("Maton-Connection: ../../admin"), null, true),
        new Maton("empty", List.of("Maton-Connection: "), null, true),
        new Maton(
            "A-upper", List.of("Maton-Connection: " + a.toUpperCase(Locale.ROOT)), null, true),
        new Maton("A,B", List.of("Maton-Connection: " + a + ", " + b), null, true),
        new Maton(
            "A-then-B", List.of("Maton-Connection: " + a, "Maton-Connection: " + b), Who.A, false),
        new Maton(
            "B-then-A", List.of("Maton-Connection: " + b, "Maton-Connection: " + a), Who.B, false),
        new Maton("sql", List.of("Maton-Connection: ' OR '1'='1"), null, true),
        new Maton("A-with-suffix", List.of("Maton-Connection: " + a + "%00"), null, true));
  }

  private List<List<String>> hosts() {
    return List.of(
        List.of("Host: gw.test"),
        List.of("Host: gw.test"),
        List.of("Host: gw.test"),
        List.of(),
        List.of("Host: evil.example"),
        List.of("Host: gw.test", "Host: evil.example"),
        List.of("Host: 127.0.0.1:" + actors.echoPort()),
        List.of("Host: evil.example@127.0.0.1"),
        List.of("Host: "),
        List.of("Host: gw.test:99999"));
  }

  private List<String> hostileHeaders() {
    return List.of(
        "X-Forwarded-Host: evil.example",
        "X-Forwarded-For: 1.2.3.4",
        "X-Forwarded-Proto: https",
        "Forwarded: for=1.2.3.4;host=evil.example;proto=https",
        "X-Original-URL: /admin/accounts",
        "X-Rewrite-URL: /admin",
        "X-HTTP-Method-Override: DELETE",
        "Proxy: http://evil.example:8080",
        "Max-Forwards: 0",
        "Via: 1.1 evil",
        "Connection: Authorization",
        "Connection: Host",
        "Connection: Maton-Connection",
        "Connection: keep-alive, X-Hop",
        "Keep-Alive: timeout=1",
        "TE: trailers",
        "Upgrade: websocket",
        "Upgrade: h2c",
        "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA",
        "Expect: 100-continue",
        "Expect: nonsense",
        "Content-Encoding: gzip",
        "Accept-Encoding: gzip, br",
        "Range: bytes=0-1",
        "If-None-Match: *",
        "Cookie: session=abc",
        "X-Request-Id: ../../etc",
        "X-Request-Id: " + "r".repeat(200),
        "X-Request-Id: ok-id_1.2",
        "Maton-Something: secret-ish",
        "X-A: a\r\n folded",
        "X-A: a\rX-B: b",
        "X-A: a\nX-B: b",
        "X-A:",
        ": no-name",
        "X A: space-in-name",
        "X-A : space-before-colon",
        utf8AsLatin1("X-\u00e9: non-token-name"),
        "X-A: " + "h".repeat(9_000),
        "X-A: " + "h".repeat(20_000),
        "X-A: %0d%0aInjected: 1",
        "X-A: \u0001\u0002",
        "X-A: \u00ff\u00fe",
        "Authorization-Extra: x",
        "Proxy-Authorization: Basic abc",
        "Content-Type: application/json; charset=utf-16",
        "Transfer-Encoding: identity",
        "X-Keap-API-Key: stolen",
        "Host: second.example");
  }

  /** Query strings from odd parts, or null for none. */
  private static Gen<String> queries() {
    Gen<String> sep = Generate.pick(List.of("&", "&", "", ";"));
    Gen<String> part = Generate.pick(QUERY_PARTS).zip(sep, (p, s) -> p + s);
    Gen<String> q = SourceDSL.lists().of(part).ofSizeBetween(1, 6).map(l -> String.join("", l));
    Gen<String> longQ =
        Generate.pick(List.of(5_000, 15_000, 30_000)).map(n -> "a=" + "x".repeat(n));
    return Generate.frequency(List.of(
        org.quicktheories.api.Pair.of(3, Generate.constant((String) null)),
        org.quicktheories.api.Pair.of(8, q),
        org.quicktheories.api.Pair.of(1, longQ)));
  }

  /**
   * The target the upstream must see for a caller's path and query, when the path is the data
   * plane's: the base path, the rest after the app name, and the query as sent.
   */
  static String expectedTarget(String path, String query) {
    int hash = path.indexOf('#');
    if (!(path.startsWith("/keap/") || path.equals("/keap")) || hash >= 0) {
      return null;
    }
    String rest = path.substring("/keap".length());
    return UPSTREAM_BASE + (rest.isEmpty() ? "/" : rest) + (query == null ? "" : "?" + query);
  }

  static HostileCase build(
      String label,
      String method,
      String target,
      String version,
      List<String> headers,
      String expectedTarget,
      String forwardToken) {
    StringBuilder b = new StringBuilder(method)
        .append(' ')
        .append(target)
        .append(' ')
        .append(version)
        .append("\r\n");
    headers.forEach(h -> b.append(h).append("\r\n"));
    boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    if (body) {
      b.append("Content-Type: application/json\r\nContent-Length: 11\r\n");
    }
    b.append("Connection: close\r\n\r\n");
    if (body) {
      b.append("{\"a\":\"b\"} \n");
    }
    return HostileCase.of(label, b.toString(), forwardToken, expectedTarget);
  }

  static String shorten(String s) {
    if (s == null) {
      return "-";
    }
    String t = s.replace("\r", "\\r").replace("\n", "\\n");
    return t.length() > 120 ? t.substring(0, 120) + "...(" + t.length() + ")" : t;
  }
}
