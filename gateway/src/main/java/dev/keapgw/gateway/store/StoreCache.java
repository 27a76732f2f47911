package dev.keapgw.gateway.store;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Function;

/**
 * A cache of store reads for the data plane's hot path. An answer is kept for at most
 * {@code ttl}, so a change made on another instance shows within that time; once it is half
 * that old, the next use re-reads it in the background (on a worker thread) while still
 * answering from it, so a key in steady use never makes a request wait on the store. A
 * background re-read that fails forgets the answer: the next request asks the store itself and
 * meets the failure (a 503 when the store is down), as it would without the cache.
 */
public final class StoreCache {
  private StoreCache() {}

  /** {@code load} runs on a worker thread and may block; a thrown exception is never cached. */
  public static <K, V> LoadingCache<K, V> of(
      Vertx vertx, Duration ttl, long maxEntries, Function<K, V> load) {
    return Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .expireAfterWrite(ttl)
        .refreshAfterWrite(ttl.dividedBy(2))
        .executor(task -> vertx.executeBlocking(
            () -> {
              task.run();
              return null;
            },
            false))
        .build(new CacheLoader<K, V>() {
          @Override
          public V load(K key) {
            return load.apply(key);
          }

          @Override
          public V reload(K key, V old) {
            try {
              return load.apply(key);
            } catch (RuntimeException e) {
              return null; // forget it: the next request reads the store and answers accordingly
            }
          }
        });
  }
}
