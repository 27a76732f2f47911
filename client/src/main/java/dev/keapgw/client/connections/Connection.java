package dev.keapgw.client.connections;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A gateway connection to a Keap account, with Maton's field names. {@code status} is PENDING,
 * ACTIVE or FAILED; {@code url} is the connect link to open in a browser (while PENDING or FAILED);
 * {@code metadata} names the Keap account once authorized; {@code failureReason} says why it FAILED.
 * {@code tokenHealth} is the gateway's addition to {@code GET /connections/{id}} (null from the
 * other calls, which do not send it). Written back as JSON it is the gateway's object, field for
 * field (nulls included, nothing added: {@code token_health} only when the gateway sent it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Connection(
    @JsonProperty("connection_id") String id,
    String status,
    @JsonProperty("creation_time") String creationTime,
    @JsonProperty("last_updated_time") String lastUpdatedTime,
    String url,
    String app,
    String method,
    JsonNode metadata,
    @JsonProperty("failure_reason") String failureReason,

    @JsonProperty("token_health") @JsonInclude(JsonInclude.Include.NON_NULL)
    TokenHealth tokenHealth) {

  @JsonIgnore
  public boolean isActive() {
    return "ACTIVE".equals(status);
  }

  @JsonIgnore
  public boolean isFailed() {
    return "FAILED".equals(status);
  }
}
