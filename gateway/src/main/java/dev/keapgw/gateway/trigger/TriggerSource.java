package dev.keapgw.gateway.trigger;

import java.util.List;

/** Where a trigger's events come from: Keap's REST hooks, or the gateway itself. */
public enum TriggerSource {
  KEAP("keap"),
  GATEWAY("gateway");

  /** The gateway's own event types (connection lifecycle), needing no Keap hook. */
  public static final List<String> GATEWAY_EVENTS = List.of(
      "connection.active", "connection.failed", "connection.deleted", "connection.recovered");

  private final String wire;

  TriggerSource(String wire) {
    this.wire = wire;
  }

  /** The name callers send and see ({@code keap}, {@code gateway}). */
  public String wire() {
    return wire;
  }

  /** The source named {@code s}, or null for an unknown name. */
  public static TriggerSource parse(String s) {
    for (TriggerSource v : values()) {
      if (v.wire.equals(s)) {
        return v;
      }
    }
    return null;
  }
}
