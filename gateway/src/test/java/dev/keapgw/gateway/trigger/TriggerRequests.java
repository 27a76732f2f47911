package dev.keapgw.gateway.trigger;

import java.util.List;
import java.util.Map;

/** Bodies of {@code POST /triggers} that tests send again and again. */
public final class TriggerRequests {
  private TriggerRequests() {}

  /** A {@code keap} trigger on {@code eventType} for one connection, delivering to {@code url}. */
  public static Map<String, Object> keap(String connection, String eventType, String url) {
    return Map.of(
        "source",
        "keap",
        "event_type",
        eventType,
        "connection_id",
        connection,
        "destinations",
        List.of(Map.of("url", url)));
  }
}
