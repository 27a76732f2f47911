package dev.keapgw.gateway.oauth;

/**
 * The upstream's token endpoint did not grant. {@link Kind#DEAD_GRANT}: the grant is gone for
 * good (a used, expired or revoked refresh token; a bad code) and only a reconnect helps.
 * {@link Kind#TRANSIENT}: worth trying again later (network, timeouts, 5xx, 429, or the
 * gateway's own client credentials refused, which the operator must fix).
 */
public final class TokenEndpointException extends RuntimeException {
  public enum Kind {
    DEAD_GRANT,
    TRANSIENT
  }

  private final Kind kind;

  public TokenEndpointException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public boolean deadGrant() {
    return kind == Kind.DEAD_GRANT;
  }
}
