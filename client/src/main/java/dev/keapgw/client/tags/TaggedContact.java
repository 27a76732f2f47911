package dev.keapgw.client.tags;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A contact that carries a tag, and when the tag was applied ({@code GET /v2/tags/{id}/contacts}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaggedContact(
    String id,
    String email,
    @JsonProperty("given_name") String givenName,
    @JsonProperty("family_name") String familyName,
    @JsonProperty("applied_time") String appliedTime) {}
