package dev.keapgw.sandbox.oauth;

import dev.keapgw.sandbox.auth.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorize requests waiting for the person's decision. The consent form carries only a random
 * token; the client, redirect URI and state stay here, so a forged or replayed form can neither
 * change where the answer goes nor be submitted twice (the token is the CSRF defence: another
 * site can make a browser post, but cannot read the page to learn the token).
 */
final class PendingConsents {
  /** How long a consent page can stay open before its form stops working. */
  static final Duration TTL = Duration.ofMinutes(30);

  /** An authorize request that passed validation, as the consent form stands for it. */
  record ConsentRequest(String clientId, String redirectUri, String state, Instant expiresAt) {}

  private final Map<String, ConsentRequest> pending = new ConcurrentHashMap<>();

  /** Remembers a request until {@code now + TTL}; returns the form token that stands for it. */
  String open(String clientId, String redirectUri, String state, Instant now) {
    pending.values().removeIf(c -> !now.isBefore(c.expiresAt()));
    String token = Credentials.newToken("");
    pending.put(token, new ConsentRequest(clientId, redirectUri, state, now.plus(TTL)));
    return token;
  }

  /** The request a form token stands for, removed so that it answers once; empty if unknown, used or expired. */
  Optional<ConsentRequest> take(String formToken, Instant now) {
    ConsentRequest c = formToken == null ? null : pending.remove(formToken);
    return c == null || !now.isBefore(c.expiresAt()) ? Optional.empty() : Optional.of(c);
  }
}
