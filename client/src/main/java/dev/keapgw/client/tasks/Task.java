package dev.keapgw.client.tasks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keapgw.client.common.CustomFieldValue;
import java.util.List;

/**
 * A task, assigned to a user and optionally about a contact or opportunity. {@code priority} is
 * CRITICAL, ESSENTIAL or NONESSENTIAL; {@code remindTimeMins} one of 5, 10, 15, 30, 60, 120, 240, 480, 1440, 2880.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Task(
    String id,
    String title,
    String description,
    String type,
    String priority,
    Boolean completed,
    @JsonProperty("create_time") String createTime,
    @JsonProperty("modification_time") String modificationTime,
    @JsonProperty("completion_time") String completionTime,
    @JsonProperty("due_time") String dueTime,
    @JsonProperty("remind_time_mins") Integer remindTimeMins,
    @JsonProperty("assigned_to_user_id") String assignedToUserId,
    @JsonProperty("created_by_user_id") String createdByUserId,
    @JsonProperty("last_updated_by_user_id") String lastUpdatedByUserId,
    @JsonProperty("contact_id") String contactId,
    @JsonProperty("opportunity_id") String opportunityId,
    Boolean accepted,
    @JsonProperty("custom_fields") List<CustomFieldValue> customFields) {}
