package dev.keapgw.gateway;

import java.nio.file.Path;
import java.util.Set;

/**
 * Why a gateway could not start (its listener, its store or its shared engines), as a value the
 * launcher words for its own command (each names the option that fixes it). The exception's message is a complete
 * sentence without option names, for callers that have none. Never carries a secret: database
 * and Redis addresses are given without credentials or query.
 */
public final class StartFailure extends RuntimeException {
  /** What went wrong, with what the launcher needs to say so. */
  public sealed interface Problem {
    /** The problem in words, without option names. */
    String describe();
  }

  /**
   * The listener cannot bind its address.
   *
   * @param inUse whether the port is taken (else the address is not this machine's, or not allowed)
   * @param why what the network said
   */
  public record CannotListen(String host, int port, boolean inUse, String why) implements Problem {
    @Override
    public String describe() {
      return "the gateway cannot listen on " + host + ":" + port + ": " + why;
    }
  }

  /** The data directory cannot be created, or is not writable. */
  public record DataDirUnusable(Path dir, String why) implements Problem {
    @Override
    public String describe() {
      return "cannot use the data directory " + dir + ": " + why;
    }
  }

  /** The embedded store is open in another process (another gateway on the same data directory). */
  public record StoreLocked(Path dir) implements Problem {
    @Override
    public String describe() {
      return "the store in " + dir + " is in use by another running gateway";
    }
  }

  /** The external database cannot be reached or refuses the connection. */
  public record StoreUnreachable(String where, String why) implements Problem {
    @Override
    public String describe() {
      return "cannot reach the database at " + where + ": " + why;
    }
  }

  /** Redis (for shared rate limits) cannot be reached. */
  public record RedisUnreachable(String where, String why) implements Problem {
    @Override
    public String describe() {
      return "cannot reach Redis at " + where + ": " + why;
    }
  }

  /**
   * The store holds secrets sealed with keys that are not configured: with the keys given,
   * every existing connection's tokens would be unreadable.
   *
   * @param missing the ids of the keys the store needs and the configuration lacks
   * @param configured the ids of the keys given
   */
  public record EncryptionKeysMissing(Set<String> missing, Set<String> configured)
      implements Problem {
    @Override
    public String describe() {
      return "the store holds tokens sealed with encryption key"
          + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing) + ", which " + (missing.size() == 1 ? "is" : "are")
          + " not among the keys given (" + String.join(", ", configured) + ")";
    }
  }

  private final Problem problem;

  public StartFailure(Problem problem) {
    super(problem.describe(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
