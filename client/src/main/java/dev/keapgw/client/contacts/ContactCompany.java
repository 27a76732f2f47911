package dev.keapgw.client.contacts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The company a contact belongs to.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactCompany(
    String id, @JsonProperty("company_name") String companyName) {}
