package dev.keapgw.sandbox.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One request exactly as a test sends it: the method, the path relative to
 * {@code /crm/rest/v2} with its query string, and the JSON body text (null for none). The
 * contract checks this text, so what is checked is byte for byte what went over the wire.
 */
public record Call(String method, String path, String body) {
  public Call {
    if (body != null) {
      try {
        Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "the test's own body for " + method + " " + path + " is not JSON: " + body, e);
      }
    }
  }

  public static Call get(String path) {
    return new Call("GET", path, null);
  }

  public static Call delete(String path) {
    return new Call("DELETE", path, null);
  }

  /** A POST with a JSON body given as text (a text block) or as a Jackson node. */
  public static Call post(String path, Object json) {
    return new Call("POST", path, text(json));
  }

  public static Call patch(String path, Object json) {
    return new Call("PATCH", path, text(json));
  }

  /** The path without its query string. */
  public String pathOnly() {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** The raw query string, empty when there is none. */
  public String query() {
    int q = path.indexOf('?');
    return q < 0 ? "" : path.substring(q + 1);
  }

  TestHttp.Reply sendWith(TestHttp http) {
    return http.send(method, path, body == null ? null : "application/json", body);
  }

  @Override
  public String toString() {
    return method + " " + path + (body == null ? "" : " " + body.strip());
  }

  private static String text(Object json) {
    if (json instanceof String s) {
      return s;
    }
    JsonNode node = Json.MAPPER.valueToTree(json);
    return new String(Json.bytes(node), StandardCharsets.UTF_8);
  }
}
