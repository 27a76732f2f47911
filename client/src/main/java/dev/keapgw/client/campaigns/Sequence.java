package dev.keapgw.client.campaigns;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A sequence of a campaign: its paths of steps and its contact counts.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Sequence(
    String id,
    String name,
    List<Sequence.Path> paths,
    @JsonProperty("active_contact_count") Integer activeContactCount,
    @JsonProperty("active_contact_count_completed") Integer activeContactCountCompleted,
    @JsonProperty("historical_contact_count") Sequence.HistoricalCounts historicalContactCount) {

  /** One path through the sequence. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Path(String id, List<Step> items) {}

  /** A step of a path (an email, a timer, a tag...). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Step(
      String id,
      String name,
      String type,
      @JsonProperty("next_item_id") String nextItemId,
      @JsonProperty("previous_item_id") String previousItemId) {}

  /** Contacts that went through the sequence lately. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HistoricalCounts(
      @JsonProperty("24_hours") Integer last24Hours,
      @JsonProperty("30_days") Integer last30Days) {}
}
