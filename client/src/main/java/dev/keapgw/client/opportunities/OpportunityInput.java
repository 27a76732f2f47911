package dev.keapgw.client.opportunities;

import dev.keapgw.client.common.Body;
import dev.keapgw.client.common.CustomFieldValue;
import java.util.List;

/**
 * The body of an opportunity create or update; a create needs {@code opportunityTitle},
 * {@code contactId} and {@code stageId}.
 */
public final class OpportunityInput extends Body<OpportunityInput> {
  public OpportunityInput opportunityTitle(String value) {
    return set("opportunity_title", value);
  }

  public OpportunityInput contactId(String value) {
    return set("contact_id", value);
  }

  public OpportunityInput stageId(String value) {
    return set("stage_id", value);
  }

  public OpportunityInput userId(String value) {
    return set("user_id", value);
  }

  public OpportunityInput nextActionTime(String value) {
    return set("next_action_time", value);
  }

  public OpportunityInput nextActionNotes(String value) {
    return set("next_action_notes", value);
  }

  public OpportunityInput opportunityNotes(String value) {
    return set("opportunity_notes", value);
  }

  public OpportunityInput estimatedCloseTime(String value) {
    return set("estimated_close_time", value);
  }

  public OpportunityInput includeInForecast(Boolean value) {
    return set("include_in_forecast", value);
  }

  public OpportunityInput projectedRevenueLow(Double value) {
    return set("projected_revenue_low", value);
  }

  public OpportunityInput projectedRevenueHigh(Double value) {
    return set("projected_revenue_high", value);
  }

  public OpportunityInput affiliateId(String value) {
    return set("affiliate_id", value);
  }

  public OpportunityInput customFields(List<CustomFieldValue> value) {
    return set("custom_fields", value);
  }
}
