package dev.keapgw.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the sandbox's handlers see it: the decoded query, the raw body, lower-cased
 * header names, the path parameters of the matched route, and the caller once authenticated.
 */
public final class KeapRequest {
  private final String method;
  private final String path;
  private final String rawQuery;
  private final Map<String, List<String>> query;
  private final Map<String, String> headers;
  private final byte[] body;
  private final String remoteAddress;
  private Map<String, String> pathParams = Map.of();
  private Caller caller;

  public KeapRequest(
      String method,
      String path,
      String rawQuery,
      Map<String, String> headers,
      byte[] body,
      String remoteAddress) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.query = parseQuery(rawQuery);
    Map<String, String> lower = new LinkedHashMap<>();
    headers.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
    this.headers = lower;
    this.body = body == null ? new byte[0] : body;
    this.remoteAddress = remoteAddress;
  }

  /** Decodes a query string once (percent-decoding, {@code +} as space), keeping repeated keys. */
  public static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.computeIfAbsent(decode(k), x -> new ArrayList<>()).add(decode(v));
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "The query string is not valid percent-encoding: " + e.getMessage());
    }
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public String rawQuery() {
    return rawQuery;
  }

  /** The first value of a query parameter, or null. */
  public String param(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Every value of a query parameter, repeated keys and comma-separated values alike. */
  public List<String> paramList(String name) {
    List<String> out = new ArrayList<>();
    for (String v : query.getOrDefault(name, List.of())) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  public Map<String, List<String>> query() {
    return query;
  }

  /** A header by case-insensitive name, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public void pathParams(Map<String, String> params) {
    this.pathParams = Map.copyOf(params);
  }

  public Caller caller() {
    return caller;
  }

  public void caller(Caller caller) {
    this.caller = caller;
  }

  /** The tenant the authenticated caller acts for. */
  public String tenantId() {
    return caller.tenantId();
  }

  /**
   * The body as a JSON object. Invalid JSON, or JSON that is not an object, is the caller's
   * mistake and answers 400.
   */
  public ObjectNode jsonBody() {
    if (body.length == 0) {
      throw ApiException.badRequest("A JSON request body is required");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("The request body could not be read");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("The request body must be a JSON object");
    }
    return (ObjectNode) node;
  }
}
