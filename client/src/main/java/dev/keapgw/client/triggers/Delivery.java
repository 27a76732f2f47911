package dev.keapgw.client.triggers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One delivery of an event to one destination: {@code status} PENDING, SUCCEEDED or FAILED;
 * {@code replay} for a delivery made by a replay; {@code lastResponseDuration} in milliseconds;
 * times are the gateway's ISO-8601 UTC strings (null until they happen).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Delivery(
    @JsonProperty("delivery_id") String id,
    @JsonProperty("destination_id") String destinationId,
    String status,
    boolean replay,
    int attempts,
    @JsonProperty("last_response_status") Integer lastResponseStatus,
    @JsonProperty("last_response_duration") Long lastResponseDuration,
    @JsonProperty("last_error_message") String lastErrorMessage,
    @JsonProperty("last_attempt_at") String lastAttemptAt,
    @JsonProperty("next_attempt_at") String nextAttemptAt,
    @JsonProperty("finished_at") String finishedAt) {}
