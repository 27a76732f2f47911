package dev.keapgw.client.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An email address with its slot ({@code field}: EMAIL1, EMAIL2 or EMAIL3) and opt-in state.
 * In a request only {@code email}, {@code field} and {@code optInReason} count.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmailAddress(
    String email,
    String field,
    @JsonProperty("opt_in_reason") String optInReason,
    @JsonProperty("is_opt_in") Boolean optIn,
    @JsonProperty("email_opt_status") String emailOptStatus) {

  /** An address for a request body. */
  public static EmailAddress of(String email, String field) {
    return new EmailAddress(email, field, null, null, null);
  }
}
