package dev.keapgw.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the sandbox answers: a status, headers and a body. Two special shapes come from fault
 * injection: {@link #dropped()} closes the connection without an answer, and a delay holds the
 * answer back without holding a thread.
 */
public final class KeapResponse {
  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final byte[] body;
  private boolean drop;
  private boolean truncate;
  private long delayMillis;

  private KeapResponse(int status, byte[] body) {
    this.status = status;
    this.body = body;
  }

  public static KeapResponse json(int status, JsonNode body) {
    return new KeapResponse(status, Json.bytes(body)).header("Content-Type", "application/json");
  }

  public static KeapResponse empty(int status) {
    return new KeapResponse(status, new byte[0]);
  }

  public static KeapResponse of(int status, String contentType, byte[] body) {
    return new KeapResponse(status, body).header("Content-Type", contentType);
  }

  public static KeapResponse redirect(String location) {
    return new KeapResponse(302, new byte[0]).header("Location", location);
  }

  public static KeapResponse dropped() {
    KeapResponse r = new KeapResponse(0, new byte[0]);
    r.drop = true;
    return r;
  }

  public KeapResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Sends the headers and half the body, then closes the connection (a fault for tests). */
  public KeapResponse truncated() {
    this.truncate = true;
    return this;
  }

  public boolean isTruncated() {
    return truncate;
  }

  public KeapResponse delayed(long millis) {
    this.delayMillis = millis;
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  public boolean isDropped() {
    return drop;
  }

  public long delayMillis() {
    return delayMillis;
  }
}
