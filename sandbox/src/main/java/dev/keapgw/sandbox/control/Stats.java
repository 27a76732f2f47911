package dev.keapgw.sandbox.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters tests read through {@code GET /_sandbox/stats}. */
public final class Stats {
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicLong> grants = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> responses = new ConcurrentHashMap<>();

  public Stats() {
    grants.put("authorization_code", new AtomicLong());
    grants.put("refresh_token", new AtomicLong());
  }

  /** A CRM API request (anything under {@code /crm/}), counted whatever its outcome. */
  public void request() {
    requests.incrementAndGet();
  }

  /** A successful token grant of this type. */
  public void grant(String grantType) {
    grants.computeIfAbsent(grantType, k -> new AtomicLong()).incrementAndGet();
  }

  public void response(int status) {
    responses.computeIfAbsent(Integer.toString(status), k -> new AtomicLong()).incrementAndGet();
  }

  public long grants(String grantType) {
    AtomicLong n = grants.get(grantType);
    return n == null ? 0 : n.get();
  }

  public long requests() {
    return requests.get();
  }

  public void reset() {
    requests.set(0);
    grants.values().forEach(a -> a.set(0));
    responses.clear();
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    ObjectNode g = o.putObject("token_grants");
    grants.forEach((k, v) -> g.put(k, v.get()));
    o.put("requests", requests.get());
    ObjectNode r = o.putObject("responses");
    responses.forEach((k, v) -> r.put(k, v.get()));
    return o;
  }
}
