package dev.keapgw.gateway.store;

import dev.keapgw.gateway.StartFailure;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Why the store could not be opened, in terms an operator acts on: the data directory, another
 * gateway holding the embedded store, or an external database out of reach. Anything else
 * (a migration that fails on a reachable store) stays an {@link IllegalStateException} with
 * the database's own words, on one line.
 */
final class StoreFailures {
  /** H2's "database may be already in use": another process holds the file lock. */
  private static final int H2_ALREADY_OPEN = 90020;

  private StoreFailures() {}

  /** Makes the directory if needed and proves it writable, before H2 tries (and prints a trace for each try). */
  static void requireWritableDirectory(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    try {
      DataDirectory.create(abs);
    } catch (IOException e) {
      throw new StartFailure(new StartFailure.DataDirUnusable(
          abs,
          e instanceof FileAlreadyExistsException
              ? "it exists and is not a directory"
              : "it cannot be created (" + reason(e) + ")"));
    }
    try {
      Files.delete(Files.createTempFile(abs, ".write-check", ".tmp"));
    } catch (IOException e) {
      throw new StartFailure(
          new StartFailure.DataDirUnusable(abs, "it is not writable (" + reason(e) + ")"));
    }
  }

  /** What opening or migrating the store failed with, as the failure to report. */
  static RuntimeException atOpen(RuntimeException e, String dbUrl, Path dataDir) {
    if (dbUrl == null && h2Code(e) == H2_ALREADY_OPEN) {
      return new StartFailure(
          new StartFailure.StoreLocked(dataDir.toAbsolutePath().normalize()));
    }
    if (dbUrl != null && connectionFailure(e)) {
      return new StartFailure(new StartFailure.StoreUnreachable(redacted(dbUrl), rootMessage(e)));
    }
    return new IllegalStateException("cannot open or migrate the store: " + rootMessage(e), e);
  }

  /**
   * A JDBC URL without what may hold credentials: user info, the query ({@code ?user=&password=})
   * and H2-style {@code ;KEY=value} settings.
   */
  static String redacted(String jdbcUrl) {
    String u = jdbcUrl.replaceAll("//[^/@?;]*@", "//");
    int cut = u.length();
    for (char c : new char[] {'?', ';'}) {
      int i = u.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return u.substring(0, cut);
  }

  private static int h2Code(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN) {
        return H2_ALREADY_OPEN;
      }
    }
    return 0;
  }

  /**
   * Whether no connection could be made: a connection exception (SQLState class 08), refused
   * credentials (28) or an unknown database (3D), or the pool giving up without one.
   */
  private static boolean connectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.net.ConnectException
          || t instanceof java.net.UnknownHostException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08")
              || sql.getSQLState().startsWith("28")
              || sql.getSQLState().startsWith("3D"))) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause's message, on one line. */
  static String rootMessage(Throwable e) {
    while (e.getCause() != null && e.getCause() != e) {
      e = e.getCause();
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
