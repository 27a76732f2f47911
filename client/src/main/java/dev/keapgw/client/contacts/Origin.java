package dev.keapgw.client.contacts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a contact came from: when and from which IP address.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Origin(
    String date, @JsonProperty("ip_address") String ipAddress) {}
