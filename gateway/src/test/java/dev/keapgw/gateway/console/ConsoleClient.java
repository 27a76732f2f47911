package dev.keapgw.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.TestHttp;
import java.util.HashMap;
import java.util.Map;

/**
 * A browser-like client of the console over plain HTTP: it keeps the session cookie a sign-in
 * sets and the CSRF token it answers, and sends them (with the gateway's own Origin) the way
 * the console's pages do. Tests take pieces away to see the refusal.
 */
final class ConsoleClient {
  private final String base;
  String cookie;
  String csrf;

  ConsoleClient(String base) {
    this.base = base;
  }

  TestHttp.Reply signIn(String apiKey) {
    return open("/console/api/session", "{\"api_key\":" + quote(apiKey) + "}");
  }

  TestHttp.Reply operatorSignIn(String adminToken) {
    return open("/console/api/admin/session", "{\"admin_token\":" + quote(adminToken) + "}");
  }

  private TestHttp.Reply open(String path, String body) {
    TestHttp.Reply r = http(Map.of("Origin", base)).send("POST", path, "application/json", body);
    String set = r.header("Set-Cookie");
    if (r.status() == 200 && set != null) {
      cookie = set.substring(0, set.indexOf(';'));
      csrf = r.json().path("csrf_token").asText();
    }
    return r;
  }

  TestHttp.Reply get(String path) {
    return http(Map.of()).get(path);
  }

  /** A change as the console's pages send it. */
  TestHttp.Reply change(String method, String path, String json) {
    return change(
        method, path, json, Map.of("Origin", base, "X-CSRF-Token", csrf == null ? "" : csrf));
  }

  /** A change with exactly these extra headers (the cookie is always sent when there is one). */
  TestHttp.Reply change(String method, String path, String json, Map<String, String> headers) {
    return http(headers).send(method, path, json == null ? null : "application/json", json);
  }

  JsonNode json(String path) {
    TestHttp.Reply r = get(path);
    if (r.status() != 200) {
      throw new AssertionError(path + " answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  TestHttp http(Map<String, String> extra) {
    Map<String, String> h = new HashMap<>(extra);
    if (cookie != null) {
      h.put("Cookie", cookie);
    }
    return new TestHttp(base, h);
  }

  static String quote(String s) {
    return dev.keapgw.gateway.http.Json.MAPPER.valueToTree(s).toString();
  }
}
