package dev.keapgw.client.http;

import java.time.Duration;

/** Told before each retry (for logging); the default does nothing. */
@FunctionalInterface
public interface RetryListener {
  /**
   * @param call the request about to be sent again
   * @param attempt the attempt that failed (1 for the first)
   * @param reason the status (e.g. {@code 503}) or the transport failure
   * @param wait how long the client waits first
   */
  void retrying(Call call, int attempt, String reason, Duration wait);

  RetryListener NONE = (c, a, r, w) -> {};
}
