package dev.keapgw.gateway.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a store that cannot be reached (down, restarting, the pool unable to connect) from
 * other failures, so that {@link Failures#answer} answers a clear 503 {@code store_unavailable} rather than a 500.
 */
public final class StoreUnavailable {
  private StoreUnavailable() {}

  /** Whether {@code t}, or one of its causes, says the store could not be reached. */
  public static boolean matches(Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof SQLTransientConnectionException
          || e instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (e instanceof SQLException s
          && s.getSQLState() != null
          && connectionState(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** SQL states of lost or refused connections: class 08, and PostgreSQL's shutdown states 57P01-57P03. */
  private static boolean connectionState(String state) {
    return state.startsWith("08")
        || state.equals("57P01")
        || state.equals("57P02")
        || state.equals("57P03");
  }
}
