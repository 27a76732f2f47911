package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;
import java.util.function.Function;

/**
 * Contacts: list, create (with {@code duplicate_option}), get, update and delete.
 *
 * <p>What comes back: GET by id, create and update answer the whole contact (every field of
 * the spec's Contact, arrays empty rather than missing, {@code groups} derived from
 * {@code tag_ids}); {@code fields} is checked (an unknown name answers 400) but does not trim
 * them. A list item carries, by default, {@code id, given_name, family_name, middle_name,
 * email_addresses, phone_numbers, addresses, company, tag_ids, create_time, update_time}
 * (Keap does not document its default set; this is the sandbox's choice), and {@code fields}
 * adds any other field of a Contact to those.
 *
 * <p>Writes: see {@link ContactValidation} for what a body may hold and {@link ContactStore}
 * for how updates and update masks apply. Deleting a contact removes its notes and takes it
 * off every tag, through {@code Hooks.contactDeleted} inside the tenant's write lock.
 *
 * <p>Lists: see {@link ContactListSpec}. The table keeps an exact-match index named
 * {@code email} over every address of a contact, which answers {@code filter=email==x} and
 * {@code duplicate_option} without scanning.
 */
public final class ContactsModule implements KeapModule {
  private final ContactValidation validation = new ContactValidation();

  @Override
  public List<TableSpec> tables() {
    return List.of(TableSpec.indexed(ContactStore.TABLE, "email", ContactFields::emails));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    ContactStore store = new ContactStore(ctx.world(), ctx.hooks(), ctx.events());
    routing
        .api()
        .get("/contacts", r -> KeapResponse.json(200, list(ctx, r)))
        .post("/contacts", r -> create(ctx, store, r))
        .get("/contacts/{contact_id}", r -> {
          ContactFields.FIELDS.requested(r);
          String id = r.pathParam("contact_id");
          ObjectNode row =
              table(ctx, r).get(id).orElseThrow(() -> ApiException.notFound("contact", id));
          return KeapResponse.json(200, ContactFields.full(row));
        })
        .patch("/contacts/{contact_id}", r -> {
          ContactFields.FIELDS.requested(r);
          List<String> mask = ContactStore.mask(r.paramList("update_mask"));
          Tenant tenant = tenant(ctx, r);
          ContactInput in = validation.parse(r.jsonBody(), tenant);
          ObjectNode row = store.update(
              tenant, r.pathParam("contact_id"), in, mask, r.caller().userId());
          return KeapResponse.json(200, ContactFields.full(row));
        })
        .delete("/contacts/{contact_id}", r -> {
          store.delete(tenant(ctx, r), r.pathParam("contact_id"));
          return KeapResponse.empty(204);
        });
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    ContactSeed.seed(tenant, plan, ctx.world());
  }

  private static ObjectNode list(SandboxContext ctx, KeapRequest r) {
    Function<ObjectNode, JsonNode> item = ContactFields.FIELDS.viewFor(r);
    return ctx.lister()
        .list(
            r,
            ContactListSpec.forFilter(r.param("filter")),
            Lister.Source.all(table(ctx, r)),
            row -> item.apply(ContactFields.full(row)));
  }

  private KeapResponse create(SandboxContext ctx, ContactStore store, KeapRequest r) {
    ContactFields.FIELDS.requested(r);
    DuplicateOption duplicate = DuplicateOption.parse(r.param("duplicate_option"));
    Tenant tenant = tenant(ctx, r);
    ContactInput in = validation.parse(r.jsonBody(), tenant);
    ContactStore.Saved saved = store.create(tenant, in, duplicate, r.caller().userId());
    return KeapResponse.json(saved.created() ? 201 : 200, ContactFields.full(saved.row()));
  }

  private static Tenant tenant(SandboxContext ctx, KeapRequest r) {
    return ctx.world().tenant(r.tenantId());
  }

  private static Table table(SandboxContext ctx, KeapRequest r) {
    return tenant(ctx, r).table(ContactStore.TABLE);
  }
}
