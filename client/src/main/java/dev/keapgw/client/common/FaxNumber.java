package dev.keapgw.client.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A fax number with its slot ({@code field}: FAX1 or FAX2).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FaxNumber(String number, String type, String field) {}
