package dev.keapgw.gateway.connection;

import dev.keapgw.gateway.store.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Connections in the store. Blocking: call from worker threads. Every query that serves a
 * caller is scoped by account, so another account's connection is simply not found.
 */
public final class ConnectionRepository {
  /** Overwrites every secret and personal value of the rows it is given a WHERE for. */
  public static final String ERASE =
      "UPDATE connections SET access_token_enc = NULL, refresh_token_enc = NULL,"
          + " session_token_enc = NULL, session_hash = NULL, metadata = '{}', failure_reason = NULL";

  private final Jdbi jdbi;
  private final java.util.List<java.util.function.Consumer<String>> changeListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public ConnectionRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Calls {@code listener} with a connection's id after this process deleted it, activated it or
   * marked it FAILED, so that caches of this process forget it at once (other instances notice
   * through their caches' short lifetime).
   */
  public void onChange(java.util.function.Consumer<String> listener) {
    changeListeners.add(listener);
  }

  private final java.util.List<java.util.function.Consumer<Connection>> deletingListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Calls {@code listener} with a connection about to be deleted by its owner, while its row
   * (and its tokens) still exist: so that what depends on it upstream (Keap hook subscriptions)
   * can be removed with its token, and so that its end can be announced. A listener's failure
   * does not stop the deletion.
   */
  public void onDeleting(java.util.function.Consumer<Connection> listener) {
    deletingListeners.add(listener);
  }

  /** Tells the {@link #onDeleting} listeners that {@code c} is about to be deleted. */
  public void deleting(Connection c) {
    for (var l : deletingListeners) {
      try {
        l.accept(c);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(ConnectionRepository.class)
            .warn("before deleting connection {}: {}", c.id(), e.toString());
      }
    }
  }

  /** Tells the listeners that a connection changed (for writes made with the static methods). */
  public void changed(String id) {
    changeListeners.forEach(l -> l.accept(id));
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public void insert(Connection c, String sessionHash) {
    jdbi.useHandle(h -> insert(h, c, sessionHash));
  }

  /** Which cap a new connection would exceed: all of the account's, or its PENDING ones. */
  public record CapReached(boolean pending, int cap) {}

  /**
   * Inserts a new connection unless its account already holds as many as its caps allow. The
   * account's row is locked meanwhile, so creates racing each other count each other.
   *
   * @return null when inserted, else the cap it would exceed
   */
  public CapReached insertWithinCaps(Connection c, String sessionHash) {
    return jdbi.inTransaction(h -> {
      ConnectionCaps caps = caps(h, c.accountId(), true).orElse(ConnectionCaps.DEFAULTS);
      var counts = h.createQuery("SELECT COUNT(*) AS total,"
              + " COALESCE(SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), 0) AS pending"
              + " FROM connections WHERE account_id = :a")
          .bind("a", c.accountId())
          .map((rs, ctx) -> new long[] {rs.getLong("total"), rs.getLong("pending")})
          .one();
      if (counts[0] >= caps.allOrDefault()) {
        return new CapReached(false, caps.allOrDefault());
      }
      if (c.status() == ConnectionStatus.PENDING && counts[1] >= caps.pendingOrDefault()) {
        return new CapReached(true, caps.pendingOrDefault());
      }
      insert(h, c, sessionHash);
      return null;
    });
  }

  /** The account's caps on connections; empty for an unknown account. */
  public Optional<ConnectionCaps> caps(String accountId) {
    return jdbi.withHandle(h -> caps(h, accountId, false));
  }

  private static Optional<ConnectionCaps> caps(Handle h, String accountId, boolean lock) {
    return h.createQuery(
            "SELECT max_connections, max_pending_connections FROM accounts WHERE id = :a"
                + (lock ? " FOR UPDATE" : ""))
        .bind("a", accountId)
        .map((rs, ctx) -> new ConnectionCaps(
            rs.getObject("max_connections", Integer.class),
            rs.getObject("max_pending_connections", Integer.class)))
        .findOne();
  }

  /** Sets an account's caps (a null field: the default); false for an unknown account. */
  public boolean setCaps(String accountId, ConnectionCaps caps) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE accounts SET max_connections = :all,"
                + " max_pending_connections = :pending WHERE id = :a")
            .bind("all", caps.all())
            .bind("pending", caps.pending())
            .bind("a", accountId)
            .execute())
        > 0;
  }

  private static void insert(Handle h, Connection c, String sessionHash) {
    h.createUpdate(
            "INSERT INTO connections (id, account_id, app, status, created_at,"
                + " updated_at, metadata, session_hash, session_token_enc, session_expires_at)"
                + " VALUES (:id, :account, :app, :status, :created, :updated, :metadata, :sh, :st, :sx)")
        .bind("id", c.id())
        .bind("account", c.accountId())
        .bind("app", c.app())
        .bind("status", c.status().name())
        .bind("created", Times.micros(c.createdAt()))
        .bind("updated", Times.micros(c.updatedAt()))
        .bind("metadata", c.metadataJson())
        .bind("sh", sessionHash)
        .bind("st", c.sessionTokenSealed())
        .bind("sx", Times.micros(c.sessionExpiresAt()))
        .execute();
  }

  /** A connection of this account; empty for an unknown id and for another account's alike. */
  public Optional<Connection> find(String accountId, String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + ConnectionRows.COLUMNS
            + " FROM connections WHERE id = :id AND account_id = :a")
        .bind("id", id)
        .bind("a", accountId)
        .map((rs, ctx) -> ConnectionRows.map(rs))
        .findOne());
  }

  /** Any connection by id, for the connect flow and the token lifecycle (not caller-facing). */
  public Optional<Connection> byId(String id) {
    return jdbi.withHandle(h -> byId(h, id, false));
  }

  /** Reads a connection inside a transaction, optionally locking its row until commit. */
  public static Optional<Connection> byId(Handle h, String id, boolean forUpdate) {
    return h.createQuery("SELECT " + ConnectionRows.COLUMNS + " FROM connections WHERE id = :id"
            + (forUpdate ? " FOR UPDATE" : ""))
        .bind("id", id)
        .map((rs, ctx) -> ConnectionRows.map(rs))
        .findOne();
  }

  public Optional<Connection> bySessionHash(String sessionHash) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT " + ConnectionRows.COLUMNS + " FROM connections WHERE session_hash = :s")
        .bind("s", sessionHash)
        .map((rs, ctx) -> ConnectionRows.map(rs))
        .findOne());
  }

  /**
   * One page of this account's connections, oldest first, optionally of one app and status:
   * at most {@code limit} of those after ({@code afterCreated}, {@code afterId}) in that order
   * (both null: from the start).
   */
  public List<Connection> page(
      String accountId,
      String app,
      ConnectionStatus status,
      java.time.Instant afterCreated,
      String afterId,
      int limit) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + ConnectionRows.COLUMNS
            + " FROM connections WHERE account_id = :a"
            + (app == null ? "" : " AND app = :app")
            + (status == null ? "" : " AND status = :status")
            + (afterId == null ? "" : " AND (created_at > :t OR (created_at = :t AND id > :after))")
            + " ORDER BY created_at, id LIMIT :n")
        .bind("a", accountId)
        .bind("app", app)
        .bind("status", status == null ? null : status.name())
        .bind("t", Times.micros(afterCreated))
        .bind("after", afterId)
        .bind("n", limit)
        .map((rs, ctx) -> ConnectionRows.map(rs))
        .list());
  }

  /** This account's connections, oldest first, optionally of one app and status. */
  public List<Connection> list(String accountId, String app, ConnectionStatus status) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT " + ConnectionRows.COLUMNS + " FROM connections WHERE account_id = :a"
                + (app == null ? "" : " AND app = :app")
                + (status == null ? "" : " AND status = :status")
                + " ORDER BY created_at, id")
        .bind("a", accountId)
        .bind("app", app)
        .bind("status", status == null ? null : status.name())
        .map((rs, ctx) -> ConnectionRows.map(rs))
        .list());
  }

  /** ACTIVE connections not refreshed since {@code before} (for the keep-alive sweeper). */
  public List<Connection> activeRefreshedBefore(Instant before, int limit) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT " + ConnectionRows.COLUMNS + " FROM connections WHERE status = 'ACTIVE'"
                + " AND (refreshed_at IS NULL OR refreshed_at < :t) ORDER BY refreshed_at LIMIT :n")
        .bind("t", Times.micros(before))
        .bind("n", limit)
        .map((rs, ctx) -> ConnectionRows.map(rs))
        .list());
  }

  /**
   * Deletes this account's connection. Its sealed tokens, session and metadata are overwritten
   * first, in the same transaction, so that the row's last version in the store holds none of
   * them (the embedded store's compaction then gives the old versions' space back).
   */
  public boolean delete(String accountId, String id) {
    boolean deleted = jdbi.inTransaction(h -> {
      h.createUpdate(ERASE + " WHERE id = :id AND account_id = :a")
          .bind("id", id)
          .bind("a", accountId)
          .execute();
      return h.createUpdate("DELETE FROM connections WHERE id = :id AND account_id = :a")
              .bind("id", id)
              .bind("a", accountId)
              .execute()
          > 0;
    });
    if (deleted) {
      changed(id);
    }
    return deleted;
  }

  /** Replaces the connect link's session (a fresh link for a PENDING or FAILED connection). */
  public void replaceSession(
      String id, String sessionHash, String sealedToken, Instant expiresAt, Instant now) {
    jdbi.useHandle(
        h -> h.createUpdate("UPDATE connections SET session_hash = :sh, session_token_enc = :st,"
                + " session_expires_at = :sx, updated_at = :now WHERE id = :id")
            .bind("sh", sessionHash)
            .bind("st", sealedToken)
            .bind("sx", Times.micros(expiresAt))
            .bind("now", Times.micros(now))
            .bind("id", id)
            .execute());
  }

  /**
   * Installs a fresh connect session unless the session changed since it was read
   * ({@code expectedSealed}: the sealed token the caller saw, or null for none), so two
   * readers renewing at once never hand out a link the other one has just replaced. Unlike
   * {@link #replaceSession} it leaves {@code updated_at} alone: a new link is not a change of
   * the connection.
   *
   * @return true when this call's session is now the connection's
   */
  public boolean renewSession(
      String id, String expectedSealed, String sessionHash, String sealedToken, Instant expiresAt) {
    return jdbi.withHandle(h -> {
      var update = h.createUpdate(
              "UPDATE connections SET session_hash = :sh, session_token_enc = :st,"
                  + " session_expires_at = :sx WHERE id = :id AND "
                  + (expectedSealed == null
                      ? "session_token_enc IS NULL"
                      : "session_token_enc = :old"))
          .bind("sh", sessionHash)
          .bind("st", sealedToken)
          .bind("sx", Times.micros(expiresAt))
          .bind("id", id);
      if (expectedSealed != null) {
        update.bind("old", expectedSealed);
      }
      return update.execute() == 1;
    });
  }

  /** Uses up the connect link's session: true for exactly one caller while it is unexpired. */
  public boolean consumeSession(String sessionHash, Instant now) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE connections SET session_hash = NULL,"
                + " session_token_enc = NULL, session_expires_at = NULL"
                + " WHERE session_hash = :sh AND session_expires_at > :now")
            .bind("sh", sessionHash)
            .bind("now", Times.micros(now))
            .execute())
        == 1;
  }

  /** Marks a connection ACTIVE with fresh tokens and what the upstream said about the grant. */
  public void activate(
      String id,
      String metadataJson,
      String accessSealed,
      Instant accessExpires,
      String refreshSealed,
      Instant now) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE connections SET status = 'ACTIVE', metadata = :m,"
            + " failure_reason = NULL, session_hash = NULL, session_token_enc = NULL, session_expires_at = NULL,"
            + " access_token_enc = :at, access_expires_at = :ax, refresh_token_enc = :rt, refreshed_at = :now,"
            + " refresh_failures = 0, next_refresh_at = NULL, token_version = token_version + 1,"
            + " updated_at = :now WHERE id = :id")
        .bind("m", metadataJson)
        .bind("at", accessSealed)
        .bind("ax", Times.micros(accessExpires))
        .bind("rt", refreshSealed)
        .bind("now", Times.micros(now))
        .bind("id", id)
        .execute());
    changed(id);
  }

  /** Marks a connection FAILED with a reason; its tokens are dropped (they are dead). */
  public void fail(String id, String reason, Instant now) {
    jdbi.useHandle(h -> fail(h, id, reason, now));
    changed(id);
  }

  public static void fail(Handle h, String id, String reason, Instant now) {
    h.createUpdate(
            "UPDATE connections SET status = 'FAILED', failure_reason = :r, access_token_enc = NULL,"
                + " access_expires_at = NULL, refresh_token_enc = NULL, next_refresh_at = NULL,"
                + " token_version = token_version + 1, updated_at = :now WHERE id = :id")
        .bind("r", reason)
        .bind("now", Times.micros(now))
        .bind("id", id)
        .execute();
  }

  /** Stores rotated tokens after a refresh (inside the refresh lock's transaction). */
  public static void storeRefreshed(
      Handle h,
      String id,
      String accessSealed,
      Instant accessExpires,
      String refreshSealed,
      Instant now) {
    h.createUpdate("UPDATE connections SET access_token_enc = :at, access_expires_at = :ax,"
            + " refresh_token_enc = :rt, refreshed_at = :now, refresh_failures = 0, next_refresh_at = NULL,"
            + " token_version = token_version + 1, updated_at = :now WHERE id = :id")
        .bind("at", accessSealed)
        .bind("ax", Times.micros(accessExpires))
        .bind("rt", refreshSealed)
        .bind("now", Times.micros(now))
        .bind("id", id)
        .execute();
  }

  /** Records a transient refresh failure and when to try again. */
  public static void backOff(Handle h, String id, int failures, Instant nextAttempt, Instant now) {
    h.createUpdate(
            "UPDATE connections SET refresh_failures = :f, next_refresh_at = :n, updated_at = :now"
                + " WHERE id = :id")
        .bind("f", failures)
        .bind("n", Times.micros(nextAttempt))
        .bind("now", Times.micros(now))
        .bind("id", id)
        .execute();
  }
}
