package dev.keapgw.gateway.connect;

import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.OAuthStateRepository;
import dev.keapgw.gateway.connection.OneTimeTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth {@code state} handed to the upstream's authorize page: {@code <random>.<signature>}.
 * What makes it single use and expiring is its record in the store (the hash of the whole
 * value, with the connection it belongs to and its expiry). The HMAC signature, keyed by a key
 * derived from the primary encryption key, only lets forged or mangled values be turned away
 * before the store is asked. Issuing a state also forgets the expired ones and all but the
 * newest {@value #PER_CONNECTION} of its connection, so the table stays small: with connections
 * capped per account ({@code ConnectionCaps}), an account can hold only so many.
 */
final class OAuthStates {
  private static final String MAC = "HmacSHA256";
  /** States kept per connection: opening its link again replaces the oldest. */
  static final int PER_CONNECTION = 3;

  private final OAuthStateRepository repo;
  private final Clock clock;
  private final Duration lifetime;
  private final byte[] key;

  OAuthStates(ConnectionRepository repo, EncryptionKeys keys, Clock clock, Duration lifetime) {
    this.repo = new OAuthStateRepository(repo.jdbi());
    this.clock = clock;
    this.lifetime = lifetime;
    this.key = mac(keys.primary(), "keap-gateway oauth state v1");
  }

  /** A new state for this connection, recorded in the store. */
  String issue(String connectionId) {
    String random = OneTimeTokens.random();
    String state = random + "." + signature(random);
    Instant now = clock.instant();
    repo.deleteStatesExpiredBefore(now);
    repo.insertState(OneTimeTokens.hash(state), connectionId, now.plus(lifetime), PER_CONNECTION);
    return state;
  }

  /** The connection a state was issued for, for exactly one caller while it is unexpired. */
  Optional<String> consume(String state) {
    if (state == null || state.length() > 200) {
      return Optional.empty();
    }
    int dot = state.indexOf('.');
    if (dot <= 0
        || !MessageDigest.isEqual(
            signature(state.substring(0, dot)).getBytes(StandardCharsets.UTF_8),
            state.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    return repo.consumeState(OneTimeTokens.hash(state), clock.instant());
  }

  private String signature(String random) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, random));
  }

  private static byte[] mac(byte[] key, String data) {
    try {
      Mac m = Mac.getInstance(MAC);
      m.init(new SecretKeySpec(key, MAC));
      return m.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
