package dev.keapgw.client.opportunities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The contact of an opportunity, as the opportunity shows it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpportunityContact(
    String id,
    String email,
    String city,
    String state,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName,
    @JsonProperty("company_name") String companyName,
    @JsonProperty("job_title") String jobTitle,
    @JsonProperty("phone_number") String phoneNumber) {}
