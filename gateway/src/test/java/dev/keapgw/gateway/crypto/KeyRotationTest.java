package dev.keapgw.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.engines.StoreEngine;
import dev.keapgw.gateway.store.Database;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Rotating the encryption key: rows sealed with the old key are re-encrypted with the new
 * primary, after which the old key can be removed and every secret still opens.
 */
@Tag("unit")
class KeyRotationTest {
  static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void reencryptedSecretsOpenWithTheNewKeyAloneOnceTheOldOneIsRemoved(StoreEngine engine) {
    String oldKey = newKey();
    String newKey = newKey();
    try (Database db = engine.open()) {
      ConnectionRepository repo = new ConnectionRepository(db.jdbi());
      String account = UUID.randomUUID().toString();
      db.jdbi()
          .useHandle(h -> h.execute(
              "INSERT INTO accounts (id, name, created_at) VALUES (?, 'rotating', 0)", account));
      SecretBox before = new SecretBox(EncryptionKeys.single(oldKey));
      String active = connection(repo, account);
      repo.activate(
          active,
          "{}",
          before.seal("access-1", "connection:" + active + ":access"),
          T0.plusSeconds(60),
          before.seal("refresh-1", "connection:" + active + ":refresh"),
          T0);
      String pending = connection(repo, account);
      repo.replaceSession(
          pending,
          "hash",
          before.seal("session-1", "connection:" + pending + ":session"),
          T0.plusSeconds(1800),
          T0);

      // the new key is primary, the old one kept to decrypt
      EncryptionKeys both = EncryptionKeys.of(newKey, List.of(oldKey));
      SecretBox during = new SecretBox(both);
      ListAppender<ILoggingEvent> logs = new ListAppender<>();
      Logger log = (Logger) LoggerFactory.getLogger(KeyRotation.class);
      logs.start();
      log.addAppender(logs);
      KeyRotation.Result first;
      try {
        first = new KeyRotation(db.jdbi(), during, both).reencryptAll();
      } finally {
        log.detachAppender(logs);
      }
      assertThat(first).isEqualTo(new KeyRotation.Result(3, 0, 0, 0));
      // the operator reads words, not a Java record's toString
      assertThat(logs.list)
          .map(ILoggingEvent::getFormattedMessage)
          .singleElement()
          .asString()
          .contains("3 secret(s) re-encrypted, 0 already sealed with it, 0 unreadable")
          .doesNotContain("Result[", "=");
      assertThat(first.complete()).isTrue();
      assertThat(new KeyRotation(db.jdbi(), during, both).reencryptAll())
          .as("a second pass has nothing to do")
          .isEqualTo(new KeyRotation.Result(0, 3, 0, 0));

      // the old key is removed: everything still opens
      SecretBox after = new SecretBox(EncryptionKeys.single(newKey));
      Connection a = repo.byId(active).orElseThrow();
      assertThat(after.open(a.accessTokenSealed(), "connection:" + active + ":access"))
          .isEqualTo("access-1");
      assertThat(after.open(a.refreshTokenSealed(), "connection:" + active + ":refresh"))
          .isEqualTo("refresh-1");
      Connection p = repo.byId(pending).orElseThrow();
      assertThat(after.open(p.sessionTokenSealed(), "connection:" + pending + ":session"))
          .isEqualTo("session-1");
      assertThatThrownBy(
              () -> before.open(a.accessTokenSealed(), "connection:" + active + ":access"))
          .isInstanceOf(SecretBox.CryptoException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void aSecretSealedWithAnUnknownKeyIsCountedAndLeftAlone(StoreEngine engine) {
    try (Database db = engine.open()) {
      ConnectionRepository repo = new ConnectionRepository(db.jdbi());
      String account = UUID.randomUUID().toString();
      db.jdbi()
          .useHandle(h -> h.execute(
              "INSERT INTO accounts (id, name, created_at) VALUES (?, 'lost', 0)", account));
      String id = connection(repo, account);
      SecretBox lost = new SecretBox(EncryptionKeys.single(newKey()));
      String sealed = lost.seal("refresh-x", "connection:" + id + ":refresh");
      repo.activate(
          id, "{}", lost.seal("access-x", "connection:" + id + ":access"), T0, sealed, T0);
      EncryptionKeys current = EncryptionKeys.single(newKey());
      KeyRotation.Result r =
          new KeyRotation(db.jdbi(), new SecretBox(current), current).reencryptAll();
      assertThat(r.unreadable()).isEqualTo(2);
      assertThat(r.complete()).isFalse();
      assertThat(repo.byId(id).orElseThrow().refreshTokenSealed()).isEqualTo(sealed);
    }
  }

  private static String connection(ConnectionRepository repo, String account) {
    String id = UUID.randomUUID().toString();
    repo.insert(
        new Connection(
            id,
            account,
            "keap",
            ConnectionStatus.PENDING,
            T0,
            T0,
            "{}",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0,
            null,
            0),
        null);
    return id;
  }

  private static String newKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }
}
