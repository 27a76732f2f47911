package dev.keapgw.client.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A postal address of a contact, company, user or order (Keap's {@code Address}).
 * {@code field} is BILLING, SHIPPING or OTHER; {@code countryCode} is ISO 3166 alpha-3, e.g. {@code USA}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Address(
    String country,
    String line1,
    String line2,
    String locality,
    String region,
    String field,
    @JsonProperty("country_code") String countryCode,
    @JsonProperty("postal_code") String postalCode,
    @JsonProperty("region_code") String regionCode,
    @JsonProperty("zip_code") String zipCode,
    @JsonProperty("zip_four") String zipFour) {}
