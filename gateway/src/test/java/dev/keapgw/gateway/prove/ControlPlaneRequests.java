package dev.keapgw.gateway.prove;

import static dev.keapgw.gateway.prove.HostileCase.utf8AsLatin1;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Generators of hostile control-plane requests: malformed, truncated, deeply nested, oversized
 * and mistyped JSON bodies for {@code POST /connections} and the admin API, odd ids in paths,
 * odd query strings, and junk on the connect flow's browser endpoints. None of them may reach
 * the upstream.
 */
final class ControlPlaneRequests {
  private static final List<String> NASTY_BODIES = List.of(
      "",
      "{",
      "}",
      "{\"app\":",
      "{\"app\":\"keap\"",
      "{\"app\":\"keap\"}}",
      "[]",
      "null",
      "\"keap\"",
      "42",
      "true",
      "{\"app\":null}",
      "{\"app\":42}",
      "{\"app\":[\"keap\"]}",
      "{\"app\":{\"$ne\":1}}",
      "{\"app\":\"../keap\"}",
      "{\"app\":\"KEAP\"}",
      "{\"app\":\"admin\"}",
      "{\"app\":\"keap\\u0000\"}",
      "{\"app\":\"\"}",
      "{\"app\":\"keap\",\"app\":\"admin\"}",
      "\u00ef\u00bb\u00bf{\"app\":\"keap\"}",
      "{\"app\":\"\u00ff\u00fe\"}",
      "{'app':'keap'}",
      "{app:keap}",
      "{\"app\":\"keap\"} trailing",
      "{\"app\":NaN}",
      "{\"name\":\"x\"}",
      "{\"name\":\"\"}",
      "{\"name\":\"   \"}",
      "{\"name\":null}",
      "{\"name\":1}",
      "{\"name\":\"\\u0000\"}",
      "{\"name\":\"<script>alert(1)</script>\"}",
      "{\"name\":\"" + "n".repeat(300) + "\"}",
      "{\"name\":\"\\ud800\"}",
      "{\"rate_limit_per_second\":1e400}",
      "{\"rate_limit_per_second\":-1}",
      "{\"rate_limit_per_second\":\"10\"}",
      "{\"rate_limit_per_second\":99999999999999999999}",
      "{\"rate_limit_per_second\":1.5}",
      "{\"rate_limit_per_second\":null}",
      "{\"rate_limit_per_second\":0}",
      "{\"rate_limit_per_second\":{}}",
      "{\"__proto__\":{\"admin\":true}}",
      "{\"a\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}",
      "[".repeat(100_000),
      "{\"a\":\"" + "x".repeat(200_000) + "\"}",
      "{\"a\":1" + ",\"a\":1".repeat(20_000) + "}",
      "\u0000\u0000\u0000",
      "\u00c3\u0028",
      "\u00ff\u00fe{\u0000\"\u0000a\u0000\"\u0000}\u0000",
      "{\"a\":\"\\x41\"}",
      "{\"a\":01}",
      "{\"a\":-}",
      "{\"a\":1.}",
      "{\"a\":.5}",
      "{\"a\":\"\\u12\"}",
      "/* c */{\"app\":\"keap\"}");
  private static final List<String> CONTENT_TYPES = List.of(
      "application/json",
      "application/json",
      "text/plain",
      "",
      "application/json; charset=utf-16",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=\"\u00ff\"",
      "*/*");
  private static final List<String> ODD_IDS = List.of(
      "%00",
      "%zz",
      "%",
      "..",
      "%2e%2e",
      "%2e%2e%2fadmin",
      "' OR 1=1 --",
      "1;DROP TABLE connections",
      "n".repeat(5_000),
      utf8AsLatin1("\u2603"),
      "%ff",
      "%c3%28",
      "00000000-0000-4000-8000-000000000000",
      "*",
      "a%2fb",
      "a\\b",
      "null",
      "undefined",
      "-1",
      "0");
  private static final List<String> QUERIES = List.of(
      "app=%zz",
      "status=%",
      "app=keap&status=active",
      "status=ALIVE",
      "app=",
      "app=admin",
      "app=keap&app=hubspot",
      "status=%00",
      "app=" + "k".repeat(10_000),
      "&&&",
      "%%",
      "#",
      "app=keap#frag",
      utf8AsLatin1("app=\u2603"),
      "status=ACTIVE%0d%0a",
      "app[]=keap",
      "=");

  private final Actors actors;

  ControlPlaneRequests(Actors actors) {
    this.actors = actors;
  }

  Gen<HostileCase> cases() {
    Gen<String> randomBody = SourceDSL.strings()
        .betweenCodePoints(0, 0x2FF)
        .ofLengthBetween(0, 120)
        .map(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    Gen<String> body = Generate.frequency(List.of(
        Pair.of(5, Generate.pick(NASTY_BODIES)), Pair.of(2, randomBody), Pair.of(2, json())));
    Gen<Integer> which = Generate.range(0, 11);
    return which.zip(
        body,
        Generate.pick(CONTENT_TYPES),
        Generate.pick(ODD_IDS).zip(Generate.pick(QUERIES), Pair::of),
        (w, b, ct, idq) -> build(w, b, ct, idq._1, idq._2));
  }

  private HostileCase build(
      int which, String body, String contentType, String oddId, String query) {
    String admin = "Authorization: Bearer " + actors.adminToken();
    String keyA = "Authorization: Bearer " + actors.keyA();
    return switch (which) {
      case 0 -> request("POST", "/connections", keyA, contentType, body);
      case 1 -> request("POST", "/admin/accounts", admin, contentType, body);
      case 2 ->
        request("PATCH", "/admin/accounts/" + actors.victimAccount(), admin, contentType, body);
      case 3 ->
        request(
            "POST",
            "/admin/accounts/" + actors.victimAccount() + "/keys",
            admin,
            contentType,
            body);
      case 4 -> request("PATCH", "/admin/accounts/" + oddId, admin, contentType, body);
      case 5 -> request("GET", "/connections?" + query, keyA, null, null);
      case 6 -> request("GET", "/connections/" + oddId, keyA, null, null);
      case 7 -> request("DELETE", "/connections/" + oddId, keyA, null, null);
      case 8 -> request("GET", "/connect?session_token=" + oddId + "&" + query, null, null, null);
      case 9 ->
        request(
            "GET",
            "/oauth/callback?" + query + "&state=" + oddId + "&code=" + oddId,
            null,
            null,
            null);
      case 10 -> request("GET", "/admin/accounts/" + oddId + "?" + query, admin, null, null);
      default ->
        request(
            "POST",
            "/admin/accounts/" + oddId + "/keys",
            body.length() % 2 == 0 ? admin : keyA,
            contentType,
            body);
    };
  }

  /** Small random JSON documents of any shape. */
  private static Gen<String> json() {
    Gen<String> scalar = Generate.pick(List.of(
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1e309",
        "-1e-400",
        "123456789012345678901234567890",
        "\"\"",
        "\"keap\"",
        "\"\\u0000\"",
        "\"\\\"\"",
        "\"" + utf8AsLatin1("\u00e9\u2603") + "\"",
        "[]",
        "{}"));
    Gen<String> key = Generate.pick(
        List.of("app", "name", "rate_limit_per_second", "", "APP", "app ", "status", "id"));
    Gen<String> member = key.zip(scalar, (k, v) -> "\"" + k + "\":" + v);
    return SourceDSL.lists()
        .of(member)
        .ofSizeBetween(0, 4)
        .map(l -> "{" + String.join(",", l) + "}");
  }

  private static HostileCase request(
      String method, String target, String auth, String contentType, String body) {
    StringBuilder b = new StringBuilder(method)
        .append(' ')
        .append(target)
        .append(" HTTP/1.1\r\nHost: gw.test\r\n");
    if (auth != null) {
      b.append(auth).append("\r\n");
    }
    if (contentType != null && !contentType.isEmpty()) {
      b.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (body != null) {
      b.append("Content-Length: ")
          .append(body.getBytes(StandardCharsets.ISO_8859_1).length)
          .append("\r\n");
    }
    b.append("Connection: close\r\n\r\n");
    if (body != null) {
      b.append(body);
    }
    String label = "control " + method + " " + DataPlaneRequests.shorten(target) + " ct="
        + contentType + " body=" + DataPlaneRequests.shorten(body);
    return HostileCase.of(label, b.toString(), null, null);
  }
}
