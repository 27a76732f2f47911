package dev.keapgw.client.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A phone number with its slot ({@code field}: PHONE1 to PHONE5) and kind ({@code type}, e.g. Mobile).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhoneNumber(
    String number,
    String extension,
    String type,
    String field,
    @JsonProperty("number_e164") String numberE164) {

  /** A number for a request body. */
  public static PhoneNumber of(String number, String field) {
    return new PhoneNumber(number, null, null, field, null);
  }
}
