package dev.keapgw.client.contacts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A contact's marketing attribution (Keap answers these in camelCase).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UtmParameter(
    Long id,
    String keapSourceId,
    String utmSource,
    String utmMedium,
    String utmTerm,
    String utmCampaign,
    String utmContent,
    Boolean firstTouch,
    Boolean lastTouch,
    String dateCreated) {}
