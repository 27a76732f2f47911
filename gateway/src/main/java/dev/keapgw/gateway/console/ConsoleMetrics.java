package dev.keapgw.gateway.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console in {@code /metrics}: {@code gateway_console_sign_ins_total{kind,outcome}},
 * {@code gateway_console_sign_outs_total{kind}}, {@code gateway_console_refusals_total{reason}}
 * (no session, CSRF, throttled sign-ins), {@code gateway_console_actions_total{action}} (changes
 * made through the console: replays, trigger and key changes, rate limits) and the gauge
 * {@code gateway_console_sessions} (live sessions, counted again at every sign-in and sign-out
 * and at most once a minute while the console is used).
 */
final class ConsoleMetrics {
  private final MeterRegistry registry;
  private final AtomicLong sessions = new AtomicLong();
  private volatile long countedAt;

  ConsoleMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("gateway_console_sessions", sessions, AtomicLong::get)
        .description("Console sessions signed in and not expired")
        .register(registry);
  }

  void signIn(ConsoleSession.Kind kind, boolean success) {
    Counter.builder("gateway_console_sign_ins_total")
        .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
        .tag("outcome", success ? "success" : "refused")
        .register(registry)
        .increment();
  }

  void signOut(ConsoleSession.Kind kind) {
    Counter.builder("gateway_console_sign_outs_total")
        .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .increment();
  }

  void refused(String reason) {
    Counter.builder("gateway_console_refusals_total")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** A change made through the console, counted once it succeeded. */
  void action(String action) {
    Counter.builder("gateway_console_actions_total")
        .tag("action", action)
        .description("Changes made through the console's pages")
        .register(registry)
        .increment();
  }

  /** Counts live sessions again (blocking) when asked to, or when the last count is a minute old. */
  void countSessions(ConsoleSessions store, boolean now) {
    long t = System.currentTimeMillis();
    if (now || t - countedAt > 60_000) {
      countedAt = t;
      sessions.set(store.purgeAndCount());
    }
  }
}
