package dev.keapgw.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.account.Account;
import dev.keapgw.gateway.account.AccountRepository;
import dev.keapgw.gateway.account.ApiKey;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.connection.OAuthStateRepository;
import dev.keapgw.gateway.engines.StoreEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The repositories behave the same on the embedded store and on PostgreSQL: accounts and keys,
 * connections and their sessions, OAuth states, token bookkeeping and leases. Each engine has a
 * subclass; the tests of one class share one store (every test makes its own rows).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {
  static final Instant T0 = Instant.parse("2026-05-01T08:00:00.123456Z");

  Database db;
  AccountRepository accounts;
  ConnectionRepository connections;
  OAuthStateRepository states;

  abstract StoreEngine engine();

  @BeforeAll
  void open() {
    db = engine().open();
    accounts = new AccountRepository(db.jdbi());
    connections = new ConnectionRepository(db.jdbi());
    states = new OAuthStateRepository(db.jdbi());
  }

  @AfterAll
  void close() {
    db.close();
  }

  @Test
  void accountsAndKeysRoundTripWithMicrosecondTimes() {
    Account a = account("alpha");
    ApiKey k = new ApiKey(id(), a.id(), "ci", T0, null);
    accounts.insertKey(k, "hash-alpha");
    assertThat(accounts.account(a.id())).contains(a);
    assertThat(accounts.ownerOf("hash-alpha")).hasValueSatisfying(o -> {
      assertThat(o.keyId()).isEqualTo(k.id());
      assertThat(o.account()).isEqualTo(a);
    });
    accounts.touchKeys(Map.of(k.id(), T0.plusSeconds(5)));
    assertThat(accounts.keys(a.id())).singleElement().satisfies(listed -> {
      assertThat(listed.name()).isEqualTo("ci");
      assertThat(listed.lastUsedAt()).isEqualTo(T0.plusSeconds(5));
    });
    assertThat(accounts.setRateLimit(a.id(), 7)).isTrue();
    assertThat(accounts.account(a.id()).orElseThrow().rateLimitPerSecond()).isEqualTo(7);
    assertThat(accounts.setRateLimit(a.id(), null)).isTrue();
    assertThat(accounts.account(a.id()).orElseThrow().rateLimitPerSecond()).isNull();
  }

  @Test
  void aRevokedKeyHasNoOwnerAndRevokesOnce() {
    Account a = account("beta");
    ApiKey k = new ApiKey(id(), a.id(), null, T0, null);
    accounts.insertKey(k, "hash-beta");
    assertThat(accounts.revokeKey(k.id(), T0)).isTrue();
    assertThat(accounts.revokeKey(k.id(), T0)).isFalse();
    assertThat(accounts.ownerOf("hash-beta")).isEmpty();
    assertThat(accounts.keys(a.id())).isEmpty();
  }

  @Test
  void deletingAnAccountTakesItsKeysAndConnections() {
    Account a = account("gamma");
    accounts.insertKey(new ApiKey(id(), a.id(), null, T0, null), "hash-gamma");
    String c = pending(a, T0, "session-gamma");
    assertThat(accounts.deleteAccount(a.id())).isTrue();
    assertThat(accounts.ownerOf("hash-gamma")).isEmpty();
    assertThat(connections.byId(c)).isEmpty();
    assertThat(accounts.deleteAccount(a.id())).isFalse();
  }

  @Test
  void connectionsAreScopedByAccountAndListedOldestFirst() {
    Account a = account("delta");
    Account other = account("other");
    String second = pending(a, T0.plusSeconds(2), null);
    String first = pending(a, T0.plusSeconds(1), null);
    String theirs = pending(other, T0, null);
    assertThat(connections.find(a.id(), theirs)).isEmpty();
    assertThat(connections.find(other.id(), theirs)).isPresent();
    assertThat(connections.list(a.id(), "keap", null))
        .extracting(Connection::id)
        .containsExactly(first, second);
    connections.activate(
        second,
        "{\"tenant\":\"x\"}",
        "sealed-a",
        T0.plusSeconds(60),
        "sealed-r",
        T0.plusSeconds(3));
    assertThat(connections.list(a.id(), "keap", ConnectionStatus.ACTIVE))
        .extracting(Connection::id)
        .containsExactly(second);
    assertThat(connections.list(a.id(), "other-app", null)).isEmpty();
    assertThat(connections.delete(other.id(), first)).isFalse();
    assertThat(connections.delete(a.id(), first)).isTrue();
  }

  @Test
  void aSessionIsConsumedOnceAndOnlyBeforeItExpires() {
    Account a = account("epsilon");
    String c = pending(a, T0, "session-1");
    assertThat(connections.bySessionHash("session-1")).map(Connection::id).contains(c);
    assertThat(connections.consumeSession("session-1", T0.plus(Duration.ofMinutes(31))))
        .isFalse();
    assertThat(connections.consumeSession("session-1", T0.plusSeconds(1))).isTrue();
    assertThat(connections.consumeSession("session-1", T0.plusSeconds(1))).isFalse();
    connections.replaceSession(
        c, "session-2", "sealed-2", T0.plus(Duration.ofMinutes(60)), T0.plusSeconds(2));
    Connection now = connections.byId(c).orElseThrow();
    assertThat(now.sessionTokenSealed()).isEqualTo("sealed-2");
    assertThat(now.updatedAt()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void anOAuthStateIsUsedOnceAndOnlyBeforeItExpires() {
    String c = pending(account("zeta"), T0, null);
    states.insertState("state-1", c, T0.plusSeconds(60), 3);
    states.insertState("state-2", c, T0.plusSeconds(60), 3);
    assertThat(states.consumeState("state-1", T0.plusSeconds(61))).isEmpty();
    assertThat(states.consumeState("state-2", T0.plusSeconds(1))).contains(c);
    assertThat(states.consumeState("state-2", T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void tokenBookkeepingBumpsTheVersionAndFailingDropsTheTokens() {
    String c = pending(account("eta"), T0, null);
    connections.activate(c, "{}", "a1", T0.plusSeconds(60), "r1", T0);
    long v1 = connections.byId(c).orElseThrow().tokenVersion();
    db.jdbi()
        .useTransaction(
            h -> ConnectionRepository.backOff(h, c, 2, T0.plusSeconds(9), T0.plusSeconds(1)));
    Connection backing = connections.byId(c).orElseThrow();
    assertThat(backing.refreshFailures()).isEqualTo(2);
    assertThat(backing.nextRefreshAt()).isEqualTo(T0.plusSeconds(9));
    assertThat(backing.tokenVersion()).isEqualTo(v1);
    db.jdbi().useTransaction(h -> {
      assertThat(ConnectionRepository.byId(h, c, true)).isPresent();
      ConnectionRepository.storeRefreshed(
          h, c, "a2", T0.plusSeconds(120), "r2", T0.plusSeconds(10));
    });
    Connection refreshed = connections.byId(c).orElseThrow();
    assertThat(refreshed.accessTokenSealed()).isEqualTo("a2");
    assertThat(refreshed.refreshTokenSealed()).isEqualTo("r2");
    assertThat(refreshed.refreshFailures()).isZero();
    assertThat(refreshed.nextRefreshAt()).isNull();
    assertThat(refreshed.tokenVersion()).isEqualTo(v1 + 1);
    assertThat(connections.activeRefreshedBefore(T0.plusSeconds(11), 10))
        .extracting(Connection::id)
        .containsExactly(c);
    assertThat(connections.activeRefreshedBefore(T0.plusSeconds(10), 10)).isEmpty();
    connections.fail(c, "the grant is dead", T0.plusSeconds(20));
    Connection failed = connections.byId(c).orElseThrow();
    assertThat(failed.status()).isEqualTo(ConnectionStatus.FAILED);
    assertThat(failed.failureReason()).isEqualTo("the grant is dead");
    assertThat(failed.accessTokenSealed()).isNull();
    assertThat(failed.refreshTokenSealed()).isNull();
    assertThat(failed.tokenVersion()).isEqualTo(v1 + 2);
    assertThat(connections.activeRefreshedBefore(T0.plusSeconds(1000), 10)).isEmpty();
  }

  @Test
  void aLeaseHasOneHolderUntilItExpiresOrIsReleased() {
    Leases leases = new Leases(db.jdbi());
    Duration ttl = Duration.ofMinutes(30);
    assertThat(leases.tryAcquire("keep-alive-sweeper", "a", T0, ttl)).isTrue();
    assertThat(leases.tryAcquire("keep-alive-sweeper", "b", T0.plusSeconds(60), ttl))
        .isFalse();
    assertThat(leases.tryAcquire("keep-alive-sweeper", "a", T0.plusSeconds(60), ttl))
        .as("renewed")
        .isTrue();
    assertThat(leases.tryAcquire("keep-alive-sweeper", "b", T0.plus(ttl), ttl))
        .as("not yet expired")
        .isFalse();
    assertThat(leases.tryAcquire("keep-alive-sweeper", "b", T0.plus(ttl).plusSeconds(60), ttl))
        .isTrue();
    leases.release("keep-alive-sweeper", "a");
    assertThat(leases.tryAcquire("keep-alive-sweeper", "a", T0.plus(ttl).plusSeconds(61), ttl))
        .as("b holds it")
        .isFalse();
    leases.release("keep-alive-sweeper", "b");
    assertThat(leases.tryAcquire("keep-alive-sweeper", "a", T0.plus(ttl).plusSeconds(62), ttl))
        .isTrue();
  }

  private Account account(String name) {
    Account a = new Account(id(), name, null, T0, false);
    accounts.insertAccount(a);
    return a;
  }

  private String pending(Account a, Instant created, String sessionHash) {
    String id = id();
    connections.insert(
        new Connection(
            id,
            a.id(),
            "keap",
            ConnectionStatus.PENDING,
            created,
            created,
            "{}",
            null,
            sessionHash == null ? null : "sealed-" + sessionHash,
            sessionHash == null ? null : created.plus(Duration.ofMinutes(30)),
            null,
            null,
            null,
            null,
            0,
            null,
            0),
        sessionHash);
    return id;
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
