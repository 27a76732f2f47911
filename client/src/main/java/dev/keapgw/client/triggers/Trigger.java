package dev.keapgw.client.triggers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A trigger: events of one type from a source ({@code keap}: Keap's REST hook event keys such
 * as {@code contact.add}; {@code gateway}: {@code connection.active}, {@code connection.failed},
 * ...) delivered to its destinations. {@code status} is ENABLED, DISABLED or FAILED (then
 * {@code reason} says why); times are the gateway's ISO-8601 UTC strings. Written back as JSON
 * it is the gateway's object, field for field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Trigger(
    @JsonProperty("trigger_id") String id,
    String source,
    @JsonProperty("event_type") String eventType,
    String name,
    String description,
    JsonNode parameters,
    @JsonProperty("connection_id") String connectionId,
    List<Destination> destinations,
    String status,
    String reason,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {

  public Trigger {
    destinations = destinations == null ? List.of() : List.copyOf(destinations);
  }

  @JsonIgnore
  public boolean isEnabled() {
    return "ENABLED".equals(status);
  }
}
