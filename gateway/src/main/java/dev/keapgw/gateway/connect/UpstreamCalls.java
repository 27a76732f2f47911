package dev.keapgw.gateway.connect;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Waits, on a worker thread, for a call to the upstream made through the Vert.x HTTP client,
 * issuing the call on an event-loop context. Why: with Vert.x 5.0.7, a pooled keep-alive
 * client used from threads that are not event loops (workers, the main thread) now and then
 * never completes a request (about 1 in 100 to 1 in 1000 here, until the response timeout);
 * issued from event loops, thousands in a row complete.
 */
final class UpstreamCalls {
  private final Context eventLoop;

  UpstreamCalls(Context eventLoop) {
    this.eventLoop = eventLoop;
  }

  /**
   * The call's result; its own failure is thrown as is when it is unchecked.
   *
   * @throws TimeoutException when it did not finish within {@code limit}
   */
  <T> T await(Supplier<Future<T>> call, Duration limit) throws TimeoutException {
    Promise<T> result = Promise.promise();
    if (eventLoop == null) {
      call.get().onComplete(result);
    } else {
      eventLoop.runOnContext(v -> call.get().onComplete(result));
    }
    try {
      return result.future().toCompletionStage().toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
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
