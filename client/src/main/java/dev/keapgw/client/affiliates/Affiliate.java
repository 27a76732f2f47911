package dev.keapgw.client.affiliates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keapgw.client.common.CustomFieldValue;
import java.util.List;

/**
 * An affiliate (a referral partner) and its settings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Affiliate(
    String id,
    String code,
    String name,
    String status,
    @JsonProperty("contact_id") String contactId,
    @JsonProperty("unique_site_id") String uniqueSiteId,
    @JsonProperty("date_created") String dateCreated,
    @JsonProperty("parent_affiliate_id") String parentAffiliateId,
    @JsonProperty("notify_on_sale") Boolean notifyOnSale,
    @JsonProperty("notify_on_lead") Boolean notifyOnLead,
    @JsonProperty("track_leads_days") Integer trackLeadsDays,
    @JsonProperty("custom_fields") List<CustomFieldValue> customFields) {}
