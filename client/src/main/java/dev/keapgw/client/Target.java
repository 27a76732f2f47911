package dev.keapgw.client;

import java.net.URI;
import java.util.Objects;

/**
 * Where requests go and how they are authorized: through a keap-gateway (or Maton) with an API
 * key, or straight to Keap with a bearer token. Both expose Keap's CRM REST API under
 * {@link #apiBase()}; only the gateway has connections.
 */
public sealed interface Target {
  /** The URL that Keap's API paths ({@code /v2/contacts}...) are appended to, without a trailing slash. */
  String apiBase();

  /** The value of the {@code Authorization} header. */
  String authorization();

  /**
   * A keap-gateway or Maton gateway.
   *
   * @param url the gateway's root, e.g. {@code http://localhost:8080}
   * @param apiKey the account's API key (MATON_API_KEY)
   * @param connectionId the connection to use ({@code Maton-Connection}); null for the oldest ACTIVE one
   * @param app the app name in the data-plane path; {@code keap}
   */
  record Gateway(URI url, String apiKey, String connectionId, String app) implements Target {
    public Gateway {
      Objects.requireNonNull(url, "url");
      requireText(apiKey, "apiKey: the gateway API key (MATON_API_KEY)");
      app = app == null ? "keap" : app;
    }

    /** The gateway's root without a trailing slash: control-plane paths ({@code /connections}) go here. */
    public String root() {
      return trimSlash(url.toString());
    }

    @Override
    public String apiBase() {
      return root() + "/" + app + "/crm/rest";
    }

    @Override
    public String authorization() {
      return "Bearer " + apiKey;
    }

    public Gateway withConnection(String id) {
      return new Gateway(url, apiKey, id, app);
    }
  }

  /**
   * Keap itself (or the sandbox), with an OAuth access token or a personal access key.
   *
   * @param url Keap's host, e.g. {@code https://api.infusionsoft.com}; a trailing {@code /crm/rest} is accepted
   * @param token the bearer token
   */
  record Direct(URI url, String token) implements Target {
    /** Keap's production API host. */
    public static final URI KEAP = URI.create("https://api.infusionsoft.com");

    public Direct {
      Objects.requireNonNull(url, "url");
      requireText(token, "token: a Keap access token or personal access key");
    }

    @Override
    public String apiBase() {
      String base = trimSlash(url.toString());
      return base.endsWith("/crm/rest") ? base : base + "/crm/rest";
    }

    @Override
    public String authorization() {
      return "Bearer " + token;
    }
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static void requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("missing " + what);
    }
  }
}
