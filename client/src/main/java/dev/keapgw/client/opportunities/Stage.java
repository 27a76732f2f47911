package dev.keapgw.client.opportunities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A stage of the sales pipeline ({@code GET /v2/opportunities/stages}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Stage(
    String id,
    String name,
    Integer order,
    @JsonProperty("target_number_days") Integer targetNumberDays,
    Integer probability,
    @JsonProperty("created_time") String createdTime,
    @JsonProperty("updated_time") String updatedTime,
    @JsonProperty("checklist_items") List<Stage.ChecklistItem> checklistItems) {

  /** Something to do in the stage. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChecklistItem(String id, String description, Boolean required, Integer order) {}
}
