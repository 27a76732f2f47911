package dev.keapgw.gateway.connection;

/**
 * How many connections one account may hold, so that one API key cannot fill the store: all
 * of them, and those still PENDING (each of which can be opened for an OAuth state). The
 * operator sets them per account through the admin API ({@code PATCH /admin/accounts/{id}});
 * a null field is the gateway's default.
 *
 * @param all connections of any status, or null for {@link #DEFAULT_ALL}
 * @param pending PENDING connections, or null for {@link #DEFAULT_PENDING}
 */
public record ConnectionCaps(Integer all, Integer pending) {
  public static final int DEFAULT_ALL = 100;
  public static final int DEFAULT_PENDING = 20;
  /** The largest cap the operator may set. */
  public static final int MAX = 100_000;

  public static final ConnectionCaps DEFAULTS = new ConnectionCaps(null, null);

  public int allOrDefault() {
    return all == null ? DEFAULT_ALL : all;
  }

  public int pendingOrDefault() {
    return pending == null ? DEFAULT_PENDING : pending;
  }
}
