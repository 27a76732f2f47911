package dev.keapgw.client.triggers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Where a trigger's events go: an HTTP endpoint called with {@code method} (POST, PUT or
 * PATCH), {@code headers} and, when set, {@code bodyTemplate}. {@code signingSecret} is the
 * Standard Webhooks secret ({@code whsec_...}): in full only in the answer that made it (create,
 * add, rotate), masked everywhere else. {@code status} is ENABLED or DISABLED (with a
 * {@code reason}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Destination(
    @JsonProperty("destination_id") String id,
    String url,
    String method,
    String name,
    Map<String, String> headers,
    @JsonProperty("body_template") String bodyTemplate,
    String status,
    String reason,
    @JsonProperty("signing_secret") String signingSecret,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {

  public Destination {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
