package dev.keapgw.app;

import dev.keapgw.gateway.StartFailure;
import dev.keapgw.gateway.http.Listener;

/**
 * A gateway's {@link StartFailure}, or a listener's failure to bind, in one line for the command
 * that met it, naming the option (or the file) that fixes it.
 */
final class StartProblems {
  private StartProblems() {}

  /** For {@code serve}. */
  static String forServe(StartFailure.Problem problem) {
    return switch (problem) {
      case StartFailure.CannotListen c -> forListen(c, "--port");
      case StartFailure.DataDirUnusable d -> d.describe() + " (--data-dir)";
      case StartFailure.StoreLocked l ->
        l.describe() + ": stop it, or give this one another --data-dir"
            + " (instances that share a store use --db-url)";
      case StartFailure.StoreUnreachable u ->
        "cannot reach the database at " + u.where() + " (--db-url): " + u.why();
      case StartFailure.RedisUnreachable r ->
        "cannot reach Redis at " + r.where() + " (--redis-url): " + r.why();
      case StartFailure.EncryptionKeysMissing k ->
        k.describe() + ": give " + (k.missing().size() == 1 ? "it" : "them")
            + " with --encryption-key (KEAPGW_ENCRYPTION_KEY), or keep "
            + (k.missing().size() == 1 ? "it" : "them")
            + " in --old-encryption-keys (KEAPGW_OLD_ENCRYPTION_KEYS) until 'keap-gateway admin encryption reencrypt'"
            + " has run";
    };
  }

  /** A listener that cannot bind, naming the option that moves it ({@code --port}, {@code --sandbox-port}). */
  static String forListen(StartFailure.CannotListen c, String portOption) {
    if (c.inUse()) {
      return "port " + c.port() + " on " + c.host()
          + " is already in use: stop what listens there, or choose another port with "
          + portOption;
    }
    return "cannot listen on " + c.host() + ":" + c.port() + ": " + c.why() + " (check --host and "
        + portOption + ")";
  }

  /** The sandbox's listener failure, worded as the gateway's. */
  static StartFailure.CannotListen of(dev.keapgw.sandbox.ListenFailure e) {
    return new StartFailure.CannotListen(
        e.host(),
        e.port(),
        Listener.inUse(e.getCause()),
        String.valueOf(e.getCause().getMessage()));
  }

  /** For {@code demo}, whose only options are its ports, its host and its data directory. */
  static String forDemo(StartFailure.Problem problem) {
    return switch (problem) {
      case StartFailure.DataDirUnusable d -> d.describe() + " (--data-dir)";
      case StartFailure.StoreLocked l ->
        l.describe() + " (another demo?): stop it, or give this one another --data-dir";
      case StartFailure.EncryptionKeysMissing k ->
        k.describe() + ": the data directory's encryption-key file was"
            + " changed; put the old one back, or delete the directory to start afresh";
      default -> problem.describe();
    };
  }
}
