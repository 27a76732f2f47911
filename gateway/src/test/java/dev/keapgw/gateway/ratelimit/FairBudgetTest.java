package dev.keapgw.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.SandboxConfig;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pen-test finding 7: one account's burst must neither make Keap answer 429 (the sandbox here
 * enforces Keap's quotas: 25 in any second and 1500 a minute per OAuth client) nor take the
 * shared budget from another account that is waiting. The gateway runs with its default budget;
 * account A sends from eight threads as fast as it can for three seconds, account B one request
 * at a time meanwhile: every one of B's is served, A's beyond its share are refused by the
 * gateway (its own 429, with Retry-After), and Keap's 429 never happens.
 */
@Tag("slow")
class FairBudgetTest {
  @RegisterExtension
  static final GatewayFixture FIX =
      new GatewayFixture(s -> s.withQuotas(SandboxConfig.QuotaLimits.keap()), g -> g);

  static AccountService.NewAccount a;
  static AccountService.NewAccount b;

  @BeforeAll
  static void connect() {
    a = FIX.newAccount("bursting");
    b = FIX.newAccount("steady");
    for (AccountService.NewAccount acct : List.of(a, b)) {
      // the accounts' own rates are out of the way: the upstream budget is what is tested
      FIX.admin()
          .patch("/admin/accounts/" + acct.account().id(), Map.of("rate_limit_per_second", 10_000));
      DirectConnections.activate(FIX, acct.account().id());
    }
  }

  @Test
  void aBurstingAccountNeitherGetsKeaps429NorStarvesAnother() throws Exception {
    long keap429Before = sandbox429s();
    Map<Integer, AtomicInteger> aStatuses = new ConcurrentHashMap<>();
    List<String> aRefusals = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger aSent = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> burst = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    try {
      for (int t = 0; t < 8; t++) {
        burst.add(pool.submit(() -> {
          TestHttp http = FIX.as(a.key().secret());
          while (System.nanoTime() < end) {
            TestHttp.Reply r = http.get("/keap/crm/rest/v2/contacts?page_size=1");
            aSent.incrementAndGet();
            aStatuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
            if (r.status() != 200) {
              aRefusals.add(r.status() + " " + r.body());
            }
          }
          return null;
        }));
      }
      while (aSent.get() < 20 && System.nanoTime() < end) {
        Thread.sleep(10); // B starts once A's burst is under way
      }
      TestHttp http = FIX.as(b.key().secret());
      List<String> bAnswers = new ArrayList<>();
      for (int i = 0; i < 10 && System.nanoTime() < end; i++) {
        TestHttp.Reply r = http.get("/keap/crm/rest/v2/contacts?page_size=1");
        bAnswers.add(r.status() + " " + r.body());
      }
      for (Future<?> f : burst) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(bAnswers)
          .as("B is served while A bursts")
          .isNotEmpty()
          .allMatch(s -> s.startsWith("200 "));
    } finally {
      pool.shutdownNow();
    }
    assertThat(sandbox429s() - keap429Before).as("Keap's own 429s").isZero();
    assertThat(aRefusals)
        .as("A's refusals are the gateway's, never Keap's")
        .allMatch(
            s -> s.startsWith("429 ") && s.contains("\"type\":\"upstream_budget_exhausted\""));
    assertThat(aStatuses.get(200)).as("A is served too, at its share").isNotNull();
  }

  private static long sandbox429s() {
    return FIX.sandboxControl()
        .get("/_sandbox/stats")
        .json()
        .path("responses")
        .path("429")
        .asLong(0);
  }
}
