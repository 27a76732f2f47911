package dev.keapgw.gateway.config;

import java.time.Duration;

/**
 * The sizes and periods of the gateway's machinery, in one place: settings an operator rarely
 * changes, each with the reason for its default.
 *
 * @param eventLoops event loops, each with its own listener and upstream connections (default:
 *     one per core, at least two)
 * @param workerThreads threads for blocking work (store reads, refreshes) when the gateway makes
 *     its own Vert.x
 * @param upstreamConnectionsPerLoop upstream connections each event loop may hold per upstream
 * @param upstreamKeepIdle how long an unused upstream connection is kept open
 * @param oauthConnections connections to an upstream's token endpoint
 * @param maxControlBody the largest control-plane body (small JSON; larger answers 413)
 * @param maxHeaderBytes the largest request head a caller may send, and the longest request line
 * @param idleTimeout how long a caller's idle connection stays open
 * @param sharedStoreCache how long the hot path may answer from what it read about keys and
 *     connections in a shared store (PostgreSQL), which other instances change: a second
 * @param embeddedStoreCache the same for the embedded store, which only this process changes
 *     (every change it makes forgets what it touched at once): a cached answer is only re-read
 *     now and then, since a store read for every key twice a second costs the burst latency a
 *     measurable part (docs/BENCHMARKS.md)
 * @param sweepEvery how often the keep-alive sweeper looks for connections to refresh
 * @param lastUseFlushEvery how often API keys' last use is written to the store (batched)
 */
public record Tuning(
    int eventLoops,
    int workerThreads,
    int upstreamConnectionsPerLoop,
    Duration upstreamKeepIdle,
    int oauthConnections,
    long maxControlBody,
    int maxHeaderBytes,
    Duration idleTimeout,
    Duration sharedStoreCache,
    Duration embeddedStoreCache,
    Duration sweepEvery,
    Duration lastUseFlushEvery) {

  public static Tuning defaults() {
    return new Tuning(
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        32,
        256,
        Duration.ofSeconds(30),
        16,
        1024 * 1024,
        16 * 1024,
        Duration.ofSeconds(120),
        Duration.ofSeconds(1),
        Duration.ofMinutes(10),
        Duration.ofMinutes(10),
        Duration.ofSeconds(5));
  }

  /** How long the hot path may answer from a cached read of a store that is embedded or shared. */
  public Duration storeCache(boolean embedded) {
    return embedded ? embeddedStoreCache : sharedStoreCache;
  }
}
