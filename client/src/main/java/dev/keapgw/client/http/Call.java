package dev.keapgw.client.http;

import java.util.Map;

/**
 * One HTTP request as the transport sends it (and sends again when retrying).
 *
 * @param method GET, POST, PATCH, PUT, DELETE...
 * @param url the absolute URL, query included (already encoded)
 * @param body the JSON body, or null
 * @param headers extra headers (e.g. {@code Maton-Connection})
 */
public record Call(String method, String url, byte[] body, Map<String, String> headers) {
  public Call {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
