package dev.keapgw.gateway.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;

/**
 * The request id: the caller's {@code X-Request-Id} when it is a sane token, otherwise a new
 * one. It is echoed in the answer, sent upstream, written to the access log and put in errors.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";

  /** The header's name in the form Vert.x and the upstream client write without re-encoding it. */
  public static final CharSequence HEADER_NAME = HttpHeaders.createOptimized(HEADER);

  private RequestIds() {}

  public static String of(HttpServerRequest req) {
    String given = req.getHeader(HEADER);
    if (given != null && given.length() <= 128 && given.chars().allMatch(RequestIds::safe)) {
      return given;
    }
    // Request ids are not secrets: a fast random source is enough.
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    return new UUID(r.nextLong(), r.nextLong()).toString();
  }

  private static boolean safe(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.';
  }
}
