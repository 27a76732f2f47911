package dev.keapgw.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Keap's REST API at the JSON level: paths relative to one base URL, bodies as any object
 * Jackson can write, answers read into a given type (a record, or {@code JsonNode} to keep
 * every field). The typed resource APIs and the {@code keap} command are built on it; use it
 * directly for operations the SDK has no method for.
 */
public final class JsonApi {
  private final Transport transport;
  private final String base;
  private final Map<String, String> headers;

  /**
   * @param base the URL paths are appended to (e.g. {@code http://localhost:8080/keap/crm/rest})
   * @param headers sent with every call (e.g. {@code Maton-Connection})
   */
  public JsonApi(Transport transport, String base, Map<String, String> headers) {
    this.transport = transport;
    this.base = base;
    this.headers = Map.copyOf(headers);
  }

  public ObjectMapper mapper() {
    return transport.mapper();
  }

  public String base() {
    return base;
  }

  public <T> T get(String path, List<Map.Entry<String, String>> params, Class<T> type) {
    return send("GET", path, params, null, mapper().constructType(type));
  }

  public <T> T get(String path, Class<T> type) {
    return get(path, List.of(), type);
  }

  /** POST; null when the answer has no body (202, 204). */
  public <T> T post(String path, Object body, Class<T> type) {
    return send("POST", path, List.of(), body, mapper().constructType(type));
  }

  public <T> T post(
      String path, List<Map.Entry<String, String>> params, Object body, Class<T> type) {
    return send("POST", path, params, body, mapper().constructType(type));
  }

  public <T> T patch(String path, Object body, Class<T> type) {
    return send("PATCH", path, List.of(), body, mapper().constructType(type));
  }

  public void delete(String path) {
    send("DELETE", path, List.of(), null, mapper().constructType(Void.class));
  }

  /** Any method; the answer read into {@code type}, or null when it has no body. */
  public <T> T send(
      String method,
      String path,
      List<Map.Entry<String, String>> params,
      Object body,
      JavaType type) {
    return execute(method, path, params, body, (status, h, in) -> read(in, type));
  }

  /** Any method, with the successful answer's body read by {@code reader} as it streams. */
  public <T> T execute(
      String method,
      String path,
      List<Map.Entry<String, String>> params,
      Object body,
      BodyReader<T> reader) {
    return transport.execute(new Call(method, url(path, params), bytes(body), headers), reader);
  }

  /**
   * A lazy list: each page is one GET of {@code path} with the query and the previous page's
   * token, its items read from the array under {@code itemsKey} straight into {@code itemType}.
   */
  public <T> Paged<T> list(String path, String itemsKey, ListQuery query, Class<T> itemType) {
    return list(path, itemsKey, query, itemType, null);
  }

  /** A lazy list that starts at the page of {@code firstPageToken} (null: the first page). */
  public <T> Paged<T> list(
      String path, String itemsKey, ListQuery query, Class<T> itemType, String firstPageToken) {
    PageReader<T> reader = new PageReader<>(mapper(), itemsKey, mapper().constructType(itemType));
    return new Paged<>(token -> execute(
        "GET",
        path,
        query.toParams(token == null ? firstPageToken : token),
        null,
        (s, h, in) -> reader.read(in)));
  }

  /** The absolute URL of a path with its query encoded. */
  public String url(String path, List<Map.Entry<String, String>> params) {
    StringBuilder b = new StringBuilder(base);
    if (!path.isEmpty() && !path.startsWith("/")) {
      b.append('/');
    }
    b.append(path);
    char sep = path.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> p : params) {
      b.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
      sep = '&';
    }
    return b.toString();
  }

  /** A path segment from an id, percent-encoded; a blank id is the caller's mistake. */
  public static String segment(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(
          "an id is required (got " + (id == null ? "null" : "a blank string") + ")");
    }
    return encode(id);
  }

  /** Percent-encodes a query value or path segment ({@code %20} for a space, as Keap's own client does). */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private byte[] bytes(Object body) {
    if (body == null) {
      return null;
    }
    if (body instanceof byte[] raw) {
      return raw;
    }
    try {
      return mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the request body cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private <T> T read(InputStream in, JavaType type) throws IOException {
    if (type.hasRawClass(Void.class)) {
      in.transferTo(OutputStreamSink.INSTANCE);
      return null;
    }
    PushbackInputStream p = new PushbackInputStream(in, 1);
    int first = p.read();
    if (first < 0) {
      return null;
    }
    p.unread(first);
    return mapper().readValue(p, type);
  }

  /** Discards what it is given. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
