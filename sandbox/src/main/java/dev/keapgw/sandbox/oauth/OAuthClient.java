package dev.keapgw.sandbox.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * An application registered with the sandbox's OAuth server: its credentials and the redirect
 * URIs it may send people back to. A redirect URI matches only when it is exactly one of them.
 */
record OAuthClient(String clientId, String clientSecret, List<String> redirectUris) {
  OAuthClient {
    redirectUris = List.copyOf(redirectUris);
  }

  boolean allows(String redirectUri) {
    return redirectUri != null && redirectUris.contains(redirectUri);
  }

  /** Compares in constant time, so response timing says nothing about the secret. */
  boolean secretMatches(String secret) {
    return secret != null
        && MessageDigest.isEqual(
            clientSecret.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
  }
}
