package dev.keapgw.gateway.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.GatewayServices;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionJson;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.store.Times;
import dev.keapgw.gateway.token.RefreshFailures;
import dev.keapgw.gateway.token.TokenHealth;
import dev.keapgw.gateway.traffic.KeapQuota;
import dev.keapgw.gateway.traffic.RateLimitSeen;
import dev.keapgw.gateway.traffic.RecentRequest;
import dev.keapgw.gateway.traffic.TrafficView;
import java.time.Instant;
import java.util.Map;

/** What the console's endpoints answer: connections with their health, sessions, traffic. */
final class ConsoleJson {
  static final String[] CLASSES = {"2xx", "3xx", "4xx", "5xx", "limited"};

  private ConsoleJson() {}

  static ObjectNode session(ConsoleSession s) {
    ObjectNode o = Json.object().put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
    if (s.accountId() != null) {
      o.putObject("account").put("id", s.accountId()).put("name", s.accountName());
    }
    return o.put("csrf_token", s.csrfToken()).put("expires_time", Times.iso(s.expiresAt()));
  }

  /**
   * A connection as the console lists it: Maton's fields ({@code url} only while it needs
   * authorizing), {@code token_health}, and {@code last_hour} requests and errors.
   */
  static ObjectNode connection(
      GatewayServices s,
      Connection c,
      String url,
      RefreshFailures.Last failure,
      TrafficView.ConnectionCounts traffic,
      Instant now) {
    ObjectNode o = ConnectionJson.of(c, url);
    o.set("token_health", TokenHealth.of(c, failure, s.config(), now).json());
    o.putObject("last_hour")
        .put("requests", traffic == null ? 0 : traffic.counts().requests())
        .put("errors", traffic == null ? 0 : traffic.counts().errors());
    return o;
  }

  /** @param burst the accounts' burst above their rate (for the rate limit's capacity) */
  static ObjectNode traffic(TrafficView v, int burst) {
    ObjectNode o = Json.object();
    o.put("end_minute_time", Times.iso(Instant.ofEpochSecond(v.endMinute() * 60)));
    ArrayNode classes = o.putArray("classes");
    for (String c : CLASSES) {
      classes.add(c);
    }
    o.set("total", counts(v.total()));
    ArrayNode list = o.putArray("connections");
    for (TrafficView.ConnectionCounts c : v.connections()) {
      ObjectNode e = list.addObject().put("connection_id", c.connectionId());
      e.set("counts", counts(c.counts()));
      e.set("tenant_quota", quota(c.tenantQuota()));
    }
    o.set("rate_limit", rateLimit(v.rateLimit(), burst));
    o.set("keap_quota", quota(v.keapQuota()));
    ArrayNode recent = o.putArray("recent");
    for (RecentRequest r : v.recent()) {
      recent
          .addObject()
          .put("time", Times.iso(Instant.ofEpochMilli(r.epochMillis())))
          .put("method", r.method())
          .put("path", r.path())
          .put("query", r.query())
          .put("status", r.status())
          .put("duration_ms", r.durationMicros() / 1000.0)
          .put("request_id", r.requestId())
          .put("connection_id", r.connectionId());
    }
    return o;
  }

  private static ObjectNode counts(TrafficView.Counts c) {
    ObjectNode o = Json.object()
        .put("requests", c.requests())
        .put("errors", c.errors())
        .put("limited", c.limited());
    ObjectNode byClass = o.putObject("per_minute");
    for (int i = 0; i < CLASSES.length; i++) {
      ArrayNode a = byClass.putArray(CLASSES[i]);
      for (long n : c.byClass()[i]) {
        a.add(n);
      }
    }
    o.putObject("latency_ms").put("p50", c.p50Millis()).put("p99", c.p99Millis());
    return o;
  }

  private static ObjectNode rateLimit(RateLimitSeen r, int burst) {
    if (r == null) {
      return null;
    }
    // X-RateLimit-Limit is the bucket's size: the rate plus the burst
    return Json.object()
        .put("limit_per_second", r.limit() - burst)
        .put("burst", burst)
        .put("remaining", r.remaining())
        .put("seen_time", Times.iso(Instant.ofEpochMilli(r.atMillis())));
  }

  private static ObjectNode quota(KeapQuota q) {
    if (q == null) {
      return null;
    }
    return Json.object()
        .put("minute_used", q.minuteUsed())
        .put("minute_limit", q.minuteLimit())
        .put("day_used", q.dayUsed())
        .put("day_limit", q.dayLimit())
        .put("tenant_used", q.tenantUsed())
        .put("tenant_limit", q.tenantLimit())
        .put("seen_time", Times.iso(Instant.ofEpochMilli(q.atMillis())));
  }

  static Map<String, TrafficView.ConnectionCounts> byConnection(TrafficView v) {
    Map<String, TrafficView.ConnectionCounts> m = new java.util.HashMap<>();
    v.connections().forEach(c -> m.put(c.connectionId(), c));
    return m;
  }
}
