package dev.keapgw.client.campaigns;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A marketing campaign and how many contacts are in it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Campaign(
    String id,
    String name,
    Boolean locked,
    @JsonProperty("date_created") String dateCreated,
    @JsonProperty("published_date") String publishedDate,
    @JsonProperty("published_status") Boolean publishedStatus,
    @JsonProperty("error_message") String errorMessage,
    @JsonProperty("time_zone") String timeZone,
    @JsonProperty("published_time_zone") String publishedTimeZone,
    @JsonProperty("created_by_global_id") String createdByGlobalId,
    @JsonProperty("active_contact_count") Integer activeContactCount,
    @JsonProperty("completed_contact_count") Integer completedContactCount) {}
