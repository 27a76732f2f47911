package dev.keapgw.gateway.config;

import java.net.URI;

/**
 * One upstream app the gateway fronts (today only {@code keap}): where its API lives, where
 * its OAuth pages and token endpoint are, and the OAuth client the gateway uses with it.
 * {@code /{name}/rest...} is forwarded to {@code upstreamUrl + /rest...}.
 *
 * @param userinfoPath path under {@code upstreamUrl} that describes who authorized a token
 */
public record AppConfig(
    String name,
    URI upstreamUrl,
    URI authorizeUrl,
    URI tokenUrl,
    String userinfoPath,
    String clientId,
    String clientSecret,
    String scope) {

  @Override
  public String toString() {
    // never print the secret
    return "AppConfig[" + name + " upstream=" + upstreamUrl + " authorize=" + authorizeUrl
        + " token=" + tokenUrl + " client_id=" + clientId + "]";
  }

  /** Keap's production endpoints; the client id and secret come from the operator. */
  public static AppConfig keap(String clientId, String clientSecret) {
    return new AppConfig(
        "keap",
        URI.create("https://api.infusionsoft.com"),
        URI.create("https://accounts.infusionsoft.com/app/oauth/authorize"),
        URI.create("https://api.infusionsoft.com/token"),
        "/crm/rest/v2/oauth/connect/userinfo",
        clientId,
        clientSecret,
        "full");
  }

  /** The same app with every endpoint on another base (the sandbox, a test server). */
  public AppConfig at(URI upstream, URI authorize, URI token) {
    return new AppConfig(
        name, upstream, authorize, token, userinfoPath, clientId, clientSecret, scope);
  }

  /** The same app with only its API base elsewhere (OAuth endpoints unchanged). */
  public AppConfig withUpstream(URI upstream) {
    return at(upstream, authorizeUrl, tokenUrl);
  }

  public AppConfig withClient(String id, String secret) {
    return new AppConfig(
        name, upstreamUrl, authorizeUrl, tokenUrl, userinfoPath, id, secret, scope);
  }
}
