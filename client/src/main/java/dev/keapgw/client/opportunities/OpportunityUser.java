package dev.keapgw.client.opportunities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Keap user who owns an opportunity.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpportunityUser(
    String id,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName) {}
