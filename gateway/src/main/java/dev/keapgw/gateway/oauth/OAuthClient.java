package dev.keapgw.gateway.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.config.AppConfig;

/**
 * An upstream's OAuth endpoints, as plain blocking calls: run them on a worker or virtual
 * thread, never on an event loop. Protocol outcomes are values or a {@link
 * TokenEndpointException} saying whether the grant is dead or the failure passing, so the token
 * lifecycle is tested without sockets against a fake of this interface.
 */
public interface OAuthClient extends AutoCloseable {

  /** Exchanges an authorization code for tokens (the code grant). */
  TokenSet exchangeCode(AppConfig app, String code, String redirectUri);

  /** Spends a refresh token for new tokens (the refresh grant). */
  TokenSet refresh(AppConfig app, String refreshToken);

  /**
   * What the upstream says about a token's grant (Keap: the user and tenant behind it).
   *
   * @throws IllegalStateException when it cannot be read
   */
  JsonNode userinfo(AppConfig app, String accessToken);

  @Override
  default void close() {}
}
