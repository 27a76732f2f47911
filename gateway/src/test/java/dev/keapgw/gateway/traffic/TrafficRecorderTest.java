package dev.keapgw.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.proxy.RequestRecorder.FinishedRequest;
import io.vertx.core.MultiMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The recorder's arithmetic, on its own clock: minutes, classes, percentiles, isolation, bounds. */
@Tag("unit")
class TrafficRecorderTest {
  static final long T0 = 1_800_000_000_000L; // a whole minute
  final AtomicLong now = new AtomicLong(T0);
  final TrafficRecorder recorder = new TrafficRecorder(now::get);

  private void record(
      long at, String account, String connection, int status, long micros, String query) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("X-RateLimit-Limit", "10")
        .add("X-RateLimit-Remaining", "7")
        .add("x-keap-product-throttle-used", "12")
        .add("x-keap-product-throttle-limit", "1500")
        .add("x-keap-product-quota-used", "99")
        .add("x-keap-product-quota-limit", "150000")
        .add("x-keap-tenant-throttle-used", "3|40")
        .add("x-keap-tenant-throttle-limit", "10000|250000");
    recorder.record(new FinishedRequest(
        at,
        "r-" + at,
        "GET",
        "/keap/crm/rest/v2/contacts",
        query,
        status,
        true,
        micros,
        account,
        connection,
        headers));
  }

  @Test
  void countsPerMinuteByStatusClassAndForgetsWhatIsOlderThanAnHour() {
    record(T0 + 1_000, "a", "c1", 200, 800, null);
    record(T0 + 2_000, "a", "c1", 404, 800, null);
    record(T0 + 61_000, "a", "c1", 503, 800, null);
    now.set(T0 + 61_000);
    TrafficView v = recorder.account("a");
    long[][] byClass = v.total().byClass();
    assertThat(byClass[0][58]).isEqualTo(1);
    assertThat(byClass[2][58]).isEqualTo(1);
    assertThat(byClass[3][59]).isEqualTo(1);
    assertThat(v.total().requests()).isEqualTo(3);
    assertThat(v.total().errors()).isEqualTo(2);
    // an hour later the first minute has left the window, the last is still in it
    now.set(T0 + 60 * 60_000 + 1_000);
    assertThat(recorder.account("a").total().requests()).isEqualTo(1);
    now.set(T0 + 61 * 60_000 + 1_000);
    assertThat(recorder.account("a").total().requests()).isZero();
    // a slot reused by a later minute starts from zero
    record(T0 + 60 * 60_000 + 5_000, "a", "c1", 200, 800, null);
    now.set(T0 + 60 * 60_000 + 5_000);
    assertThat(recorder.account("a").total().byClass()[0][59]).isEqualTo(1);
    assertThat(recorder.account("a").total().byClass()[2][59]).isZero();
  }

  @Test
  void latencyPercentilesAreBucketBoundsNeverBelowTheTruth() {
    for (int i = 0; i < 98; i++) {
      record(T0 + i, "a", "c1", 200, 900, null);
    }
    record(T0 + 100, "a", "c1", 200, 40_000, null);
    record(T0 + 101, "a", "c1", 200, 40_000, null);
    TrafficView v = recorder.account("a");
    assertThat(v.total().p50Millis()).isEqualTo(1.0);
    assertThat(v.total().p99Millis()).isEqualTo(50.0);
  }

  @Test
  void anAccountSeesOnlyItsOwnConnectionsAndRequests() {
    record(T0, "a", "c1", 200, 800, null);
    record(T0 + 1, "b", "c2", 200, 800, null);
    TrafficView a = recorder.account("a");
    assertThat(a.connections())
        .extracting(TrafficView.ConnectionCounts::connectionId)
        .containsExactly("c1");
    assertThat(a.recent()).extracting(RecentRequest::connectionId).containsExactly("c1");
    assertThat(recorder.gateway().connections()).hasSize(2);
    assertThat(recorder.gateway().recent()).hasSize(2);
    assertThat(recorder.account("nobody").total().requests()).isZero();
  }

  @Test
  void keepsTheLatestLimitsAndQuotaAndTheQueryByNamesOnly() {
    record(T0, "a", "c1", 200, 800, "page_size=2&email=someone@example.com&flag");
    TrafficView v = recorder.account("a");
    assertThat(v.rateLimit().limit()).isEqualTo(10);
    assertThat(v.rateLimit().remaining()).isEqualTo(7);
    assertThat(v.keapQuota().minuteUsed()).isEqualTo(12);
    assertThat(v.keapQuota().dayLimit()).isEqualTo(150000);
    assertThat(v.connections().get(0).tenantQuota().tenantUsed()).isEqualTo("3|40");
    assertThat(v.recent().get(0).query()).isEqualTo("page_size=\u2026&email=\u2026&flag");
    assertThat(v.recent().toString()).doesNotContain("someone@example.com");
  }

  @Test
  void keepsTheLastHundredRequestsNewestFirst() {
    for (int i = 0; i < 250; i++) {
      record(T0 + i, "a", "c1", 200, 800, null);
    }
    TrafficView v = recorder.account("a");
    assertThat(v.recent()).hasSize(100);
    assertThat(v.recent().get(0).epochMillis()).isEqualTo(T0 + 249);
    assertThat(v.recent().get(99).epochMillis()).isEqualTo(T0 + 150);
  }

  @Test
  void holdsABoundedNumberOfSubjectsMakingRoomFromIdleOnes() {
    for (int i = 0; i < TrafficRecorder.MAX_CONNECTIONS + 10; i++) {
      record(T0, "a", "c" + i, 200, 800, null);
    }
    assertThat(recorder.gateway().connections()).hasSize(TrafficRecorder.MAX_CONNECTIONS);
    assertThat(recorder.gateway().total().requests())
        .as("the totals count every request")
        .isEqualTo(TrafficRecorder.MAX_CONNECTIONS + 10);
    // an hour and more later the idle ones make room for a new one
    long later = T0 + 61 * 60_000;
    record(later, "a", "fresh", 200, 800, null);
    now.set(later);
    assertThat(recorder.gateway().connections())
        .extracting(TrafficView.ConnectionCounts::connectionId)
        .containsExactly("fresh");
  }
}
