package dev.keapgw.app;

import dev.keapgw.gateway.StartFailure;

/**
 * A gateway's {@link StartFailure} in one line for the command that met it, naming the option
 * (or the file) that fixes it.
 */
final class StartProblems {
  private StartProblems() {}

  /** For {@code serve}. */
  static String forServe(StartFailure.Problem problem) {
    return switch (problem) {
      case StartFailure.DataDirUnusable d -> d.describe() + " (--data-dir)";
      case StartFailure.StoreLocked l -> l.describe() + ": stop it, or give this one another --data-dir"
          + " (instances that share a store use --db-url)";
      case StartFailure.StoreUnreachable u -> "cannot reach the database at " + u.where() + " (--db-url): " + u.why();
      case StartFailure.RedisUnreachable r -> "cannot reach Redis at " + r.where() + " (--redis-url): " + r.why();
      case StartFailure.PortInUse p -> p.describe() + ": stop what listens there, or choose another port with --port";
      case StartFailure.CannotListen c -> c.describe() + " (check --host and --port)";
      case StartFailure.EncryptionKeysMissing k -> k.describe() + ": give " + (k.missing().size() == 1 ? "it" : "them")
          + " with --encryption-key (KEAPGW_ENCRYPTION_KEY), or keep " + (k.missing().size() == 1 ? "it" : "them")
          + " in --old-encryption-keys (KEAPGW_OLD_ENCRYPTION_KEYS) until 'keap-gateway admin encryption reencrypt'"
          + " has run";
    };
  }

  /** For {@code demo}, whose only options are its ports, its host and its data directory. */
  static String forDemo(StartFailure.Problem problem) {
    return switch (problem) {
      case StartFailure.DataDirUnusable d -> d.describe() + " (--data-dir)";
      case StartFailure.StoreLocked l -> l.describe() + " (another demo?): stop it, or give this one another --data-dir";
      case StartFailure.PortInUse p -> p.describe() + ": stop what listens there, or choose another port with --port";
      case StartFailure.CannotListen c -> c.describe() + " (check --host and --port)";
      case StartFailure.EncryptionKeysMissing k -> k.describe() + ": the data directory's encryption-key file was"
          + " changed; put the old one back, or delete the directory to start afresh";
      default -> problem.describe();
    };
  }
}
