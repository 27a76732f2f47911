package dev.keapgw.gateway.token;

import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps idle connections alive: every {@code interval} it refreshes each ACTIVE connection that
 * has not been refreshed for {@code every} less two intervals, so every connection is refreshed
 * at least once per {@code every} (a day by default) and a 45-day refresh token never lapses
 * however long the connection sits unused. In a cluster one instance at a time sweeps: a pass
 * runs only while {@code leader} says this instance holds the sweeper's lease.
 */
public final class KeepAliveSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(KeepAliveSweeper.class);
  private static final int BATCH = 200;

  private final Vertx vertx;
  private final ConnectionRepository repo;
  private final TokenManager tokens;
  private final Clock clock;
  private final Duration every;
  private final Duration interval;
  private final java.util.function.BooleanSupplier leader;
  private long timer = -1;

  public KeepAliveSweeper(
      Vertx vertx,
      ConnectionRepository repo,
      TokenManager tokens,
      Clock clock,
      Duration every,
      Duration interval) {
    this(vertx, repo, tokens, clock, every, interval, () -> true);
  }

  /** @param leader whether this instance may sweep now (takes or renews its lease); blocking */
  public KeepAliveSweeper(
      Vertx vertx,
      ConnectionRepository repo,
      TokenManager tokens,
      Clock clock,
      Duration every,
      Duration interval,
      java.util.function.BooleanSupplier leader) {
    this.leader = leader;
    this.vertx = vertx;
    this.repo = repo;
    this.tokens = tokens;
    this.clock = clock;
    this.every = every;
    this.interval = interval;
  }

  public void start() {
    timer = vertx.setPeriodic(
        interval.toMillis(),
        t -> vertx.executeBlocking(
            () -> {
              sweep();
              return null;
            },
            false));
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /**
   * One pass: starts a keep-alive refresh for every connection that is due, and answers when
   * they have all settled, with how many were started; 0 at once when another instance holds
   * the sweeper's lease. Blocking (it reads the store).
   */
  public io.vertx.core.Future<Integer> sweep() {
    if (!leader.getAsBoolean()) {
      return io.vertx.core.Future.succeededFuture(0);
    }
    Duration slack = interval.multipliedBy(2);
    Duration age =
        every.compareTo(slack.multipliedBy(2)) > 0 ? every.minus(slack) : every.dividedBy(2);
    List<Connection> due = repo.activeRefreshedBefore(clock.instant().minus(age), BATCH);
    List<io.vertx.core.Future<?>> running = new java.util.ArrayList<>();
    for (Connection c : due) {
      running.add(tokens
          .keepAlive(c.id())
          .onFailure(e ->
              LOG.warn("keep-alive refresh of connection {} failed: {}", c.id(), e.getMessage())));
    }
    if (!due.isEmpty()) {
      LOG.info(
          "keep-alive: refreshing {} connection(s) idle since before {}",
          due.size(),
          clock.instant().minus(age));
    }
    return io.vertx.core.Future.join(running)
        .transform(ar -> io.vertx.core.Future.succeededFuture(due.size()));
  }
}
