package dev.keapgw.client.support;

import dev.keapgw.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A clock that moves only when the client sleeps, recording each sleep, so waits cost no time. */
public final class FakeTime extends Clock implements Sleeper {
  private volatile Instant now = Instant.parse("2026-02-08T01:34:44Z");
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile Consumer<Integer> onSleep = n -> {};

  @Override
  public void sleep(Duration d) {
    sleeps.add(d);
    now = now.plus(d);
    onSleep.accept(sleeps.size());
  }

  /** Runs {@code action} with the count of sleeps so far after each sleep (e.g. to finish a connect flow). */
  public FakeTime onSleep(Consumer<Integer> action) {
    this.onSleep = action;
    return this;
  }

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public List<Long> sleepMillis() {
    return sleeps.stream().map(Duration::toMillis).toList();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
