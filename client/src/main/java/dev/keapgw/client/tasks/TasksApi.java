package dev.keapgw.client.tasks;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** Tasks: {@code /v2/tasks}. Filter on is_completed, contact_id, user_id, due dates (not "completed"). */
public final class TasksApi {
  private final ResourceCalls<Task> calls;

  public TasksApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/tasks", "tasks", Task.class);
  }

  /** {@code GET /v2/tasks}. */
  public Paged<Task> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Task> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/tasks/{id}}. */
  public Task get(String id) {
    return calls.get(id);
  }

  /** {@code POST /v2/tasks}. */
  public Task create(TaskInput input) {
    return calls.create(input);
  }

  /** {@code PATCH /v2/tasks/{id}}: changes only the fields the input sets. */
  public Task update(String id, TaskInput input) {
    return calls.update(id, input);
  }

  /** {@code DELETE /v2/tasks/{id}}. */
  public void delete(String id) {
    calls.delete(id);
  }
}
