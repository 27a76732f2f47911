package dev.keapgw.sandbox.resthooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keap's verification handshake (RESTHooks.org's "immediate confirmation"): a POST with an
 * empty body and a fresh {@code X-Hook-Secret} header to the hook URL; the receiver confirms by
 * answering 200 with the same header and value. Runs on the calling request's worker thread,
 * never under a tenant's lock.
 */
final class Handshake {
  static final String SECRET_HEADER = "X-Hook-Secret";
  private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpClient http;

  Handshake(HttpClient http) {
    this.http = http;
  }

  /** A new secret: 32 random bytes as hex. */
  static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Whether the receiver at {@code hookUrl} echoed {@code secret} with a 200. */
  boolean confirmed(String hookUrl, String secret) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(hookUrl))
        .timeout(HookTiming.ANSWER_TIMEOUT)
        .header(SECRET_HEADER, secret)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    try {
      HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200
          && answer.headers().allValues(SECRET_HEADER).equals(java.util.List.of(secret));
    } catch (IOException | IllegalArgumentException e) {
      LOG.debug("hook handshake to {} failed: {}", hookUrl, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
