package dev.keapgw.sandbox.http;

/**
 * Who is calling the CRM API: the tenant (Keap account) the credential belongs to, the user
 * who granted it, and the OAuth client or personal key it was issued to (the quota bucket).
 */
public record Caller(String tenantId, String userId, String clientId, Kind kind) {
  /** How the caller authenticated, which decides the quota that applies. */
  public enum Kind {
    OAUTH,
    API_KEY
  }
}
