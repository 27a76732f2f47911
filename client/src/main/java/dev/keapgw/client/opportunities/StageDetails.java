package dev.keapgw.client.opportunities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A stage's settings as an opportunity shows them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StageDetails(
    Integer probability,
    @JsonProperty("stage_order") Integer stageOrder,
    @JsonProperty("target_num_days") Integer targetNumDays,
    @JsonProperty("checklist_items") List<StageDetails.ChecklistItem> checklistItems) {

  /** A checklist item of the stage, with its order. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChecklistItem(
      String id,
      String description,
      Boolean required,
      @JsonProperty("item_order") Integer itemOrder,
      @JsonProperty("done_date") String doneDate) {}
}
