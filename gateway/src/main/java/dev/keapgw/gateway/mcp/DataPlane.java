package dev.keapgw.gateway.mcp;

/**
 * The way MCP tools reach an app's API: exactly as an HTTP caller of {@code /{app}/...} does,
 * with the caller's own key, so the same authentication, rate limit, connection choice, token
 * refresh, upstream budget and access-log line apply. One small interface, so that the tools
 * do not know how the data plane is reached.
 */
public interface DataPlane {
  /**
   * Sends one request and answers what came back: the app's answer, or the gateway's own error
   * envelope (which {@link AnswerJson} tells apart). Throws {@link java.io.UncheckedIOException} only when
   * the data plane itself could not be reached.
   */
  Answer send(McpCaller caller, Call call);

  /**
   * @param method upper case
   * @param path the data-plane path, percent-encoded ({@code /keap/crm/rest/v2/contacts})
   * @param query the encoded query string without {@code ?}, or empty
   * @param jsonBody the request body as JSON bytes, or null
   * @param connection the connection to use ({@code Maton-Connection}), or null for the default
   * @param tool the tool making the call, for the access log
   */
  record Call(
      String method, String path, String query, byte[] jsonBody, String connection, String tool) {}

  /**
   * @param status the HTTP status
   * @param contentType the answer's media type, or null
   * @param body the answer's bytes (empty for none)
   */
  record Answer(int status, String contentType, byte[] body) {}
}
