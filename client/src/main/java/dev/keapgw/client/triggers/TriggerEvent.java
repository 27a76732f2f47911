package dev.keapgw.client.triggers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One event a trigger took in: {@code payload} is what the source sent (for Keap:
 * {@code event_key}, {@code object_type}, {@code object_keys}) plus {@code connection_id} and
 * {@code tenant_id}. {@code deliveries} is null in a list and filled by
 * {@link TriggerEventsApi#get} and {@link TriggerEventsApi#replay}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TriggerEvent(
    @JsonProperty("event_id") String id,
    @JsonProperty("trigger_id") String triggerId,
    @JsonProperty("received_at") String receivedAt,
    JsonNode payload,
    @JsonProperty("delivery_counts") Counts deliveryCounts,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Delivery> deliveries) {

  /** How the event's deliveries stand. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Counts(int total, int succeeded, int failed) {}
}
