package dev.keapgw.gateway.connect;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Waits, on a worker thread, for a call to the upstream (see UpstreamOAuthClient). */
final class UpstreamCalls {
  private UpstreamCalls() {}

  /**
   * The call's result; its own failure is thrown as is when it is unchecked.
   *
   * @throws TimeoutException when it did not finish within {@code limit}
   */
  static <T> T await(Supplier<Future<T>> call, Duration limit) throws TimeoutException {
    try {
      return call.get()
          .toCompletionStage()
          .toCompletableFuture()
          .get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the upstream", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
