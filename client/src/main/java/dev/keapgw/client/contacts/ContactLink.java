package dev.keapgw.client.contacts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A link from a contact to another contact, of a named link type.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactLink(
    String id,
    @JsonProperty("linked_contact_id") String linkedContactId,
    @JsonProperty("link_type_id") String linkTypeId,
    @JsonProperty("link_type_name") String linkTypeName) {}
