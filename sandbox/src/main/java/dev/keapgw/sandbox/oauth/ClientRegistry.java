package dev.keapgw.sandbox.oauth;

import dev.keapgw.sandbox.auth.Credentials;
import dev.keapgw.sandbox.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth clients the sandbox knows: the default one from the configuration and any an
 * operator registers. Clients are never removed, so a token's client always resolves.
 */
final class ClientRegistry {
  private static final int MAX_ID_LENGTH = 200;
  private final Map<String, OAuthClient> clients = new LinkedHashMap<>();

  /**
   * @throws IllegalArgumentException when the configured default client is unusable, saying which setting to fix
   */
  ClientRegistry(String defaultId, String defaultSecret, List<String> defaultRedirects) {
    try {
      clients.put(defaultId, client(defaultId, defaultSecret, defaultRedirects));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the sandbox's default OAuth client (clientId, clientSecret, redirectUris) "
              + "is not valid: " + e.getMessage(),
          e);
    }
  }

  /**
   * Registers a client; a null id or secret is generated.
   *
   * @throws ApiException 400 naming the bad field, or 409 when the id is taken
   */
  synchronized OAuthClient register(String id, String secret, List<String> redirectUris) {
    String clientId = id == null ? Credentials.newToken("client-").substring(0, 31) : id;
    String clientSecret = secret == null ? Credentials.newToken("") : secret;
    OAuthClient c;
    try {
      c = client(clientId, clientSecret, redirectUris);
    } catch (InvalidClient e) {
      throw ApiException.invalidField("sandbox", e.field, e.getMessage());
    }
    if (clients.containsKey(clientId)) {
      throw ApiException.conflict("an OAuth client with client_id " + clientId + " already exists");
    }
    clients.put(clientId, c);
    return c;
  }

  synchronized Optional<OAuthClient> find(String clientId) {
    return Optional.ofNullable(clientId == null ? null : clients.get(clientId));
  }

  /** The client when both the id and the secret match; empty otherwise, whichever was wrong. */
  Optional<OAuthClient> authenticate(String clientId, String secret) {
    return find(clientId).filter(c -> c.secretMatches(secret));
  }

  synchronized List<OAuthClient> all() {
    return new ArrayList<>(clients.values());
  }

  private static OAuthClient client(String id, String secret, List<String> redirectUris) {
    if (id.isBlank()
        || id.length() > MAX_ID_LENGTH
        || id.chars().anyMatch(ch -> ch == ':' || ch <= ' ')) {
      // A colon would break HTTP Basic, which splits id and secret at the first one.
      throw new InvalidClient(
          "client_id",
          "client_id must be 1 to " + MAX_ID_LENGTH
              + " characters without spaces, control characters or ':'");
    }
    if (secret.isEmpty()) {
      throw new InvalidClient("client_secret", "client_secret must not be empty");
    }
    if (redirectUris == null || redirectUris.isEmpty()) {
      throw new InvalidClient("redirect_uris", "redirect_uris must list at least one redirect URI");
    }
    for (String uri : redirectUris) {
      try {
        RedirectUris.check(uri);
      } catch (IllegalArgumentException e) {
        throw new InvalidClient("redirect_uris", e.getMessage());
      }
    }
    return new OAuthClient(id, secret, redirectUris);
  }

  /** A client that cannot be registered, naming the field at fault. */
  private static final class InvalidClient extends IllegalArgumentException {
    private final String field;

    InvalidClient(String field, String message) {
      super(message);
      this.field = field;
    }
  }
}
