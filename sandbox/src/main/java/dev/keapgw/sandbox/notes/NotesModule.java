package dev.keapgw.sandbox.notes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;

/**
 * Notes on a contact: {@code GET} and {@code POST /contacts/{contact_id}/notes}. An unknown
 * contact answers 404. A note is stored as Keap answers it
 * ({@code {id, title, text, type, contact_id, assigned_to_user, create_time, update_time,
 * last_updated_by_user_id, pinned_at, created_by_user_id}}; {@code pinned_at} is left out
 * unless the note is pinned, since the spec types it as a plain string and a JSON null would
 * break its schema); {@code custom_fields} (always empty here) appears only when {@code fields} asks for
 * it. A contact's notes go when the contact is deleted.
 */
public final class NotesModule implements KeapModule {
  static final String TABLE = "notes";
  static final String CONTACTS = "contacts";
  private static final List<String> ORDER = List.of(
      "id",
      "title",
      "text",
      "type",
      "contact_id",
      "assigned_to_user",
      "create_time",
      "update_time",
      "last_updated_by_user_id",
      "pinned_at",
      "created_by_user_id");

  private final NoteValidation validation = new NoteValidation();

  @Override
  public List<TableSpec> tables() {
    return List.of(TableSpec.indexed(
        TABLE, "contact_id", row -> List.of(row.path("contact_id").asText())));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    ctx.hooks().onContactDeleted(NotesModule::forgetContact);
    routing
        .api()
        .get("/contacts/{contact_id}/notes", r -> KeapResponse.json(200, list(ctx, r)))
        .post("/contacts/{contact_id}/notes", r -> KeapResponse.json(201, create(ctx, r)));
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    NoteSeed.seed(tenant, plan, ctx.world());
  }

  private static ObjectNode list(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = ctx.world().tenant(r.tenantId());
    String contactId = contact(tenant, r.pathParam("contact_id"));
    boolean custom = NoteValidation.wantsCustomFields(r);
    NoteListSpec.checkFilter(r.param("filter"));
    Lister.Source source = new Lister.Source(
        tenant.table(TABLE),
        row -> row.path("contact_id").asText().equals(contactId),
        "contact:" + contactId);
    return ctx.lister().list(r, NoteListSpec.SPEC, source, row -> view(row, custom));
  }

  private ObjectNode create(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = ctx.world().tenant(r.tenantId());
    boolean custom = NoteValidation.wantsCustomFields(r);
    ObjectNode body = r.jsonBody();
    return tenant.write(() -> {
      String contactId = contact(tenant, r.pathParam("contact_id"));
      NoteValidation.Draft draft = validation.note(body, tenant, r.caller().userId());
      String now = ctx.world().now();
      ObjectNode note = draft.fields();
      note.put("contact_id", contactId);
      note.put("create_time", now).put("update_time", now);
      if (draft.pinned()) {
        note.put("pinned_at", now);
      }
      return view(insert(tenant.table(TABLE), note), custom);
    });
  }

  /** The id of the contact a path names, or 404. */
  private static String contact(Tenant tenant, String id) {
    if (!References.exists(tenant, CONTACTS, id)) {
      throw ApiException.notFound("contact", id);
    }
    return Long.toString(Table.parseId(id));
  }

  private static void forgetContact(Tenant tenant, long contactId) {
    tenant.write(() -> tenant.table(TABLE).removeAll("contact_id", Long.toString(contactId)));
  }

  /** Stores a new note with a fresh id, fields in answer order. */
  static ObjectNode insert(Table notes, ObjectNode note) {
    return notes.insert(note, row -> Json.inOrder(row, ORDER));
  }

  private static ObjectNode view(ObjectNode row, boolean customFields) {
    if (customFields) {
      row.putArray("custom_fields");
    }
    return row;
  }
}
