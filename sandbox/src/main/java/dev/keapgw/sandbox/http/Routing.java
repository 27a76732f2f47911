package dev.keapgw.sandbox.http;

/**
 * The sandbox's three route tables: Keap's CRM API under {@code /crm/rest/v2} (and the few v1 endpoints it answers; credentials
 * checked before routing), Keap's open endpoints (the OAuth pages and {@code /token}), and
 * the operator's {@code /_sandbox} controls.
 */
public record Routing(Routes api, Routes open, Routes control) {
  public static final String API_PREFIX = "/crm/rest/v2";
  /** Keap's v1 API, of which the sandbox answers the REST hook endpoints (in {@code api()}'s table). */
  public static final String V1_PREFIX = "/crm/rest/v1";

  public static final String CONTROL_PREFIX = "/_sandbox";

  public static Routing create() {
    return new Routing(new Routes(API_PREFIX), new Routes(""), new Routes(CONTROL_PREFIX));
  }
}
