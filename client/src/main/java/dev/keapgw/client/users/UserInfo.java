package dev.keapgw.client.users;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who the credential acts as ({@code GET /v2/oauth/connect/userinfo}): the user and the Keap account.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserInfo(
    String email,
    String sub,
    String id,
    @JsonProperty("keap_id") String keapId,
    @JsonProperty("family_name") String familyName,
    @JsonProperty("given_name") String givenName,
    @JsonProperty("middle_name") String middleName,
    @JsonProperty("preferred_name") String preferredName,
    @JsonProperty("is_admin") Boolean admin,
    @JsonProperty("tenant_id") String tenantId) {}
