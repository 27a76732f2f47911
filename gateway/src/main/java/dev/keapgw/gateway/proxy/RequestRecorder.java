package dev.keapgw.gateway.proxy;

import io.vertx.core.MultiMap;

/**
 * Told about every finished data-plane request, once, by the access-log step (the console's
 * traffic pages are fed this way). Called on the event loop that served the request: an
 * implementation must be quick, must not block and must keep its memory bounded.
 */
@FunctionalInterface
public interface RequestRecorder {
  RequestRecorder NONE = r -> {};

  void record(FinishedRequest request);

  /**
   * One finished request. Nothing secret: no key, token or query value ({@code query} is the
   * raw query string, which a recorder must reduce to its parameter names before keeping it).
   *
   * @param accountId null when the key was not recognised
   * @param connectionId null when no connection was chosen
   * @param fromUpstream whether the status is the upstream's (else the gateway answered itself)
   * @param responseHeaders the headers sent to the caller (the upstream's x-keap-* among them)
   */
  record FinishedRequest(
      long epochMillis,
      String requestId,
      String method,
      String path,
      String query,
      int status,
      boolean fromUpstream,
      long durationMicros,
      String accountId,
      String connectionId,
      MultiMap responseHeaders) {}
}
