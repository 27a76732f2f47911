package dev.keapgw.client.contacts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keapgw.client.common.CustomFieldValue;
import java.util.List;

/**
 * A note on a contact; {@code type} is one of Appointment, Call, Email, Fax, Letter, Other.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Note(
    String id,
    String title,
    String text,
    String type,
    @JsonProperty("contact_id") String contactId,
    @JsonProperty("assigned_to_user") NoteUser assignedToUser,
    @JsonProperty("create_time") String createTime,
    @JsonProperty("update_time") String updateTime,
    @JsonProperty("last_updated_by_user_id") String lastUpdatedByUserId,
    @JsonProperty("created_by_user_id") String createdByUserId,
    @JsonProperty("pinned_at") String pinnedAt,
    @JsonProperty("custom_fields") List<CustomFieldValue> customFields) {}
