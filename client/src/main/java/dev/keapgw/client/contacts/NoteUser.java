package dev.keapgw.client.contacts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Keap user a note is assigned to.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteUser(
    String id,
    @JsonProperty("given_name") String givenName,
    @JsonProperty("family_name") String familyName,
    @JsonProperty("email_address") String emailAddress) {}
