package dev.keapgw.sandbox.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.SandboxConfig.QuotaLimits;
import dev.keapgw.sandbox.http.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The quota logic without HTTP: concurrency, and the blank header set. */
@Tag("unit")
class KeapQuotasTest {
  private final MutableClock clock = new MutableClock("2026-03-02T10:00:00Z");

  @Test
  void concurrentCallersNeverOverdrawASharedTenantLimit() throws Exception {
    QuotaLimits limits =
        new QuotaLimits(true, 100_000, 100_000, 500, 100_000, 100_000, 100_000, 100_000, 100_000);
    KeapQuotas quotas = new KeapQuotas(limits, clock, id -> id);
    AtomicInteger allowed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Caller caller = new Caller(
            "kx101",
            "1",
            "client-" + (t % 3),
            t % 2 == 0 ? Caller.Kind.OAUTH : Caller.Kind.API_KEY);
        done.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            if (quotas.consume(caller).allowed()) {
              allowed.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(allowed.get()).isEqualTo(500);
    QuotaDecision next = quotas.consume(new Caller("kx101", "1", "fresh", Caller.Kind.OAUTH));
    assertThat(next.allowed()).isFalse();
    assertThat(next.headers().get("x-keap-tenant-throttle-used")).isEqualTo("500|500");
  }

  @Test
  void blankHeadersNameExactlyWhatACountedAnswerCarries() {
    KeapQuotas quotas = new KeapQuotas(QuotaLimits.keap(), clock, id -> id + ".infusionsoft.com");
    QuotaDecision d = quotas.consume(new Caller("kx101", "1", "app", Caller.Kind.OAUTH));
    assertThat(quotas.blankHeaders().keySet())
        .containsExactlyElementsOf(d.headers().keySet());
    assertThat(quotas.blankHeaders().values()).allMatch(String::isEmpty);
    assertThat(d.headers().values()).noneMatch(String::isEmpty);
  }
}
