package dev.keapgw.client.orders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The contact an order is for.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderContact(
    String id,
    String email,
    @JsonProperty("given_name") String givenName,
    @JsonProperty("family_name") String familyName) {}
