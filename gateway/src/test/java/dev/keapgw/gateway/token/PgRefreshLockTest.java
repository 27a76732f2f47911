package dev.keapgw.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.gateway.engines.StoreEngine;
import dev.keapgw.gateway.store.Database;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL refresh lock excludes across instances (two stores opened on one database
 * stand for two instances), is per connection, and is released when its holder's session ends.
 */
@Tag("slow")
class PgRefreshLockTest {
  @Test
  void oneHolderAtATimeAcrossInstancesPerConnection() throws Exception {
    StoreEngine.Fresh fresh = StoreEngine.POSTGRESQL.fresh();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (Database one = fresh.open();
        Database two = fresh.open()) {
      PgRefreshLock a =
          new PgRefreshLock(one.lockJdbi(), Duration.ofSeconds(10), java.time.Clock.systemUTC());
      PgRefreshLock b =
          new PgRefreshLock(two.lockJdbi(), Duration.ofSeconds(10), java.time.Clock.systemUTC());
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      Future<?>[] work = new Future<?>[8];
      for (int i = 0; i < work.length; i++) {
        PgRefreshLock lock = i % 2 == 0 ? a : b;
        work[i] = pool.submit(() -> lock.locked("conn-1", () -> {
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          Thread.sleep(30);
          inside.decrementAndGet();
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get(30, TimeUnit.SECONDS);
      }
      assertThat(most.get()).isEqualTo(1);

      // another connection's lock is independent
      CountDownLatch held = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<?> holder = pool.submit(() -> a.locked("conn-1", () -> {
        held.countDown();
        release.await(10, TimeUnit.SECONDS);
        return null;
      }));
      held.await(10, TimeUnit.SECONDS);
      assertThat(b.locked("conn-2", () -> "free")).isEqualTo("free");
      // a holder that takes longer than any refresh may: the waiter gives up with a retryable
      // answer
      PgRefreshLock impatient =
          new PgRefreshLock(two.lockJdbi(), Duration.ofMillis(100), java.time.Clock.systemUTC());
      assertThatThrownBy(() -> impatient.locked("conn-1", () -> "never"))
          .isInstanceOfSatisfying(
              TokenUnavailableException.class,
              e -> assertThat(e.reason()).isEqualTo(TokenUnavailableException.Reason.BACKING_OFF));
      Future<String> waiter = pool.submit(() -> b.locked("conn-1", () -> "after"));
      Thread.sleep(200);
      assertThat(waiter.isDone()).as("waits while another instance holds it").isFalse();
      // the holder's instance dies: its session ends and the lock with it
      one.close();
      assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("after");
      release.countDown();
      holder.cancel(true);
    } finally {
      pool.shutdownNow();
    }
  }
}
