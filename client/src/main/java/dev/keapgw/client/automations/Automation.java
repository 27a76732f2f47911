package dev.keapgw.client.automations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An automation (Keap's newer campaign builder). {@code status} is PUBLISHED or DRAFT.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Automation(
    String id,
    String title,
    List<String> categories,
    String status,
    Boolean locked,
    @JsonProperty("active_contacts") Integer activeContacts,
    @JsonProperty("error_message") String errorMessage,
    @JsonProperty("published_date") String publishedDate,
    @JsonProperty("published_by") String publishedBy,
    @JsonProperty("published_timezone") String publishedTimezone,
    @JsonProperty("current_edit_lock_status") Automation.EditLock currentEditLockStatus) {

  /** Whether someone is editing the automation now. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record EditLock(
      Boolean locked,
      @JsonProperty("user_id") String userId,
      @JsonProperty("user_name") String userName,
      @JsonProperty("user_firstname") String userFirstname) {}
}
