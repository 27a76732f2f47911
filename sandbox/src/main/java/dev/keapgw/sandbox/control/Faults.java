package dev.keapgw.sandbox.control;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * Faults injected into a share of requests, for testing what sits in front of Keap: added
 * latency, an error status (a 429 comes with Keap's quota body), or a connection dropped
 * before or in the middle of the answer. A rule applies to paths starting with its prefix
 * (the token endpoint included), for a share of them, optionally only its next {@code count}.
 */
public final class Faults {
  /** What to do to a request. */
  public enum Kind {
    LATENCY,
    STATUS,
    DROP,
    DROP_MID_BODY
  }

  /**
   * @param pathPrefix requests whose path starts with this (e.g. {@code /crm/rest/v2/contacts}, {@code /token})
   * @param share fraction of matching requests affected, 0 to 1
   * @param kind what happens
   * @param latencyMillis for LATENCY: added delay
   * @param status for STATUS: the status to answer
   * @param remaining how many more times it may fire; negative for unlimited
   */
  public record Rule(
      String pathPrefix,
      double share,
      Kind kind,
      long latencyMillis,
      int status,
      AtomicInteger remaining) {}

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final DoubleSupplier random;

  public Faults(DoubleSupplier random) {
    this.random = random;
  }

  public void add(Rule rule) {
    rules.add(rule);
  }

  public void clear() {
    rules.clear();
  }

  public List<Rule> rules() {
    return List.copyOf(rules);
  }

  /** Takes one firing from a rule's budget: always for unlimited (negative), else while some are left. */
  private static boolean spend(AtomicInteger remaining) {
    while (true) {
      int n = remaining.get();
      if (n < 0) {
        return true;
      }
      if (n == 0) {
        return false;
      }
      if (remaining.compareAndSet(n, n - 1)) {
        return true;
      }
    }
  }

  /** The first rule that fires for this path, if any. */
  public Optional<Rule> pick(String path) {
    for (Rule r : rules) {
      if (!path.startsWith(r.pathPrefix())) {
        continue;
      }
      if (random.getAsDouble() >= r.share()) {
        continue;
      }
      if (!spend(r.remaining())) {
        continue;
      }
      return Optional.of(r);
    }
    return Optional.empty();
  }
}
