package dev.keapgw.client.opportunities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keapgw.client.common.CustomFieldValue;
import java.util.List;

/**
 * A sales opportunity: a contact, a stage of the pipeline, an owner and projected revenue.
 * {@code monthlyRevenue}, {@code orderRevenue}, {@code objection}, {@code status}, {@code statusId}, {@code stageEntranceTime},
 * {@code createdBy} and {@code lastUpdatedBy} come only when asked for with {@code fields}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Opportunity(
    String id,
    OpportunityContact contact,
    OpportunityStage stage,
    OpportunityUser user,
    @JsonProperty("opportunity_title") String opportunityTitle,
    @JsonProperty("next_action_time") String nextActionTime,
    @JsonProperty("next_action_notes") String nextActionNotes,
    @JsonProperty("opportunity_notes") String opportunityNotes,
    @JsonProperty("estimated_close_time") String estimatedCloseTime,
    @JsonProperty("include_in_forecast") Boolean includeInForecast,
    @JsonProperty("projected_revenue_low") Double projectedRevenueLow,
    @JsonProperty("projected_revenue_high") Double projectedRevenueHigh,
    @JsonProperty("custom_fields") List<CustomFieldValue> customFields,
    @JsonProperty("created_time") String createdTime,
    @JsonProperty("last_updated_time") String lastUpdatedTime,
    @JsonProperty("affiliate_id") String affiliateId,
    @JsonProperty("lead_source") String leadSource,
    @JsonProperty("monthly_revenue") Double monthlyRevenue,
    @JsonProperty("order_revenue") Double orderRevenue,
    String objection,
    String status,
    @JsonProperty("status_id") String statusId,
    @JsonProperty("stage_entrance_time") String stageEntranceTime,
    @JsonProperty("last_updated_by") String lastUpdatedBy,
    @JsonProperty("created_by") String createdBy) {}
