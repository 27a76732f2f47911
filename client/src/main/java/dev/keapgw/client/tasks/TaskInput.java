package dev.keapgw.client.tasks;

import dev.keapgw.client.common.Body;
import dev.keapgw.client.common.CustomFieldValue;
import java.util.List;

/**
 * The body of a task create or update; a create needs {@code assignedToUserId}. Times are ISO-8601
 * (e.g. {@code 2026-02-15T10:00:00Z}); {@code priority} is CRITICAL, ESSENTIAL or NONESSENTIAL.
 */
public final class TaskInput extends Body<TaskInput> {
  public TaskInput title(String value) {
    return set("title", value);
  }

  public TaskInput description(String value) {
    return set("description", value);
  }

  public TaskInput type(String value) {
    return set("type", value);
  }

  public TaskInput priority(String value) {
    return set("priority", value);
  }

  public TaskInput completed(Boolean value) {
    return set("completed", value);
  }

  public TaskInput completionTime(String value) {
    return set("completion_time", value);
  }

  public TaskInput dueTime(String value) {
    return set("due_time", value);
  }

  public TaskInput remindTimeMins(Integer value) {
    return set("remind_time_mins", value);
  }

  public TaskInput assignedToUserId(String value) {
    return set("assigned_to_user_id", value);
  }

  public TaskInput contactId(String value) {
    return set("contact_id", value);
  }

  public TaskInput opportunityId(String value) {
    return set("opportunity_id", value);
  }

  public TaskInput accepted(Boolean value) {
    return set("accepted", value);
  }

  public TaskInput customFields(List<CustomFieldValue> value) {
    return set("custom_fields", value);
  }
}
