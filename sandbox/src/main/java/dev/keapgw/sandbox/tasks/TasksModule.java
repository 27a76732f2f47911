package dev.keapgw.sandbox.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.UpdateMask;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.resource.ResourceTable;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;

/**
 * Keap tasks: list, create, get, PATCH and delete under {@code /tasks}.
 *
 * <p>Contracts, following the spec where third-party examples differ from it:
 * <ul>
 *   <li>Only {@code assigned_to_user_id} is required on create; it must be a user of the
 *       account. {@code contact_id} and {@code opportunity_id} must name existing rows (a
 *       contact cannot be checked on a build without the contacts module, and is then taken).
 *   <li>The body of the Maton examples ({@code due_date}, {@code contact:{"id":...}}) is not
 *       the spec's and is <b>rejected</b> with a 400 naming the field and giving the spec's
 *       name ({@code due_time}, {@code contact_id}). Accepting it as an alias would let code
 *       pass here that real Keap, which knows only the spec's names, would not honour.
 *   <li>PATCH {@code {"completed": true}} completes a task and stamps {@code completion_time};
 *       {@code {"completed": false}} reopens it. PATCH takes an {@code update_mask}.
 *   <li>{@code custom_fields} comes back only when {@code fields=custom_fields} asks for it.
 *   <li>The filter {@code completed==false} answers 400 naming {@code completed}; the field
 *       is {@code is_completed}.
 *   <li>Deleting a contact deletes its tasks, as Keap deletes a contact's records with it.
 * </ul>
 */
public final class TasksModule implements KeapModule {
  public static final String TABLE = "tasks";
  private static final ResourceTable TASKS = new ResourceTable(TABLE, "task");

  @Override
  public List<TableSpec> tables() {
    return List.of(TableSpec.indexed(TABLE, "contact_id", TaskViews::contactKeys));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    ctx.hooks()
        .onContactDeleted((tenant, contactId) ->
            tenant.table(TABLE).removeAll("contact_id", Long.toString(contactId)));
    routing
        .api()
        .get(
            "/tasks",
            r -> KeapResponse.json(
                200,
                ctx.lister()
                    .list(
                        r,
                        TaskViews.LIST,
                        Lister.Source.all(TASKS.of(ctx, r)),
                        TaskViews.FIELDS.viewFor(r))))
        .post(
            "/tasks",
            r -> KeapResponse.json(201, TaskViews.FIELDS.viewFor(r).apply(create(ctx, r))))
        .get(
            "/tasks/{task_id}",
            r -> KeapResponse.json(
                200, TaskViews.FIELDS.viewFor(r).apply(TASKS.get(ctx, r, "task_id"))))
        .patch(
            "/tasks/{task_id}",
            r -> KeapResponse.json(200, TaskViews.FIELDS.viewFor(r).apply(update(ctx, r))))
        .delete("/tasks/{task_id}", r -> TASKS.delete(ctx, r, "task_id"));
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    TaskSeed.seed(tenant, plan, ctx.world().clock());
  }

  private static ObjectNode create(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = tenant(ctx, r);
    BodyReader body = new BodyReader(r.jsonBody(), "task")
        .allowOnly(TaskInput.WRITABLE, TaskInput.READ_ONLY, TaskInput.HINTS);
    if (!body.has("assigned_to_user_id")) {
      throw body.invalid("assigned_to_user_id", "assigned_to_user_id is required");
    }
    String now = ctx.world().now();
    ObjectNode row = Json.object();
    row.put("completed", false);
    row.put("accepted", false);
    row.putArray("custom_fields");
    return tenant.write(() -> {
      TaskInput.apply(row, body, tenant, now);
      row.put("create_time", now);
      row.put("modification_time", now);
      row.put("created_by_user_id", r.caller().userId());
      row.put("last_updated_by_user_id", r.caller().userId());
      return tenant.table(TABLE).insert(row, TaskViews::canonical);
    });
  }

  private static ObjectNode update(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = tenant(ctx, r);
    ObjectNode raw = r.jsonBody();
    new BodyReader(raw, "task").allowOnly(TaskInput.WRITABLE, TaskInput.READ_ONLY, TaskInput.HINTS);
    BodyReader body =
        new BodyReader(UpdateMask.of(r, TaskInput.MASKABLE, "task").filter(raw), "task");
    String now = ctx.world().now();
    return tenant.write(() -> {
      ObjectNode row = TASKS.get(ctx, r, "task_id");
      TaskInput.apply(row, body, tenant, now);
      row.put("modification_time", now);
      row.put("last_updated_by_user_id", r.caller().userId());
      ObjectNode stored = TaskViews.canonical(row);
      tenant.table(TABLE).replace(stored);
      return stored;
    });
  }

  private static Tenant tenant(SandboxContext ctx, KeapRequest r) {
    return ctx.world().tenant(r.tenantId());
  }
}
