package dev.keapgw.sandbox.emails;

import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.resource.ResourceTable;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;
import java.util.Map;

/**
 * Sent emails: the list, one email with its contents, and {@code emails:send}.
 *
 * <p>{@code emails:send} answers 202 with no body and records one email per recipient, so the
 * list shows it at once. Its body follows Keap's spec: {@code contacts} is an array of contact
 * id strings, {@code subject} is required, exactly one of {@code user_id} or
 * {@code from_address} names the sender, contents are Base64 (raw text is also taken, as Keap
 * takes it), and up to ten attachments of 1 MB each are checked and dropped.
 *
 * <p>The form {@code "contacts":[{"id":"9"}]} that third-party guides (and this project's seed)
 * show is refused with 400 naming {@code contacts}: the spec types the items as strings, no
 * source shows Keap accepting objects, and a clear 400 that shows the right form helps more
 * than a send that silently reaches no one.
 */
public final class EmailsModule implements KeapModule {
  static final String TABLE = "emails";

  @Override
  public List<TableSpec> tables() {
    return List.of(new TableSpec(
        TABLE,
        Map.of(
            "contact_id", row -> List.of(row.path("contact_id").asText("")),
            "email", row -> List.of(row.path("sent_to_address").asText("")))));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    new ResourceTable(TABLE, "email")
        .listAndGet(routing.api(), ctx, "/emails", "id", EmailViews.LIST, EmailViews::listItem)
        .post("/emails:send", r -> {
          SendRequest request = SendRequest.parse(r.jsonBody());
          SentEmails.send(tenant(ctx, r), request, ctx.world().now());
          return KeapResponse.empty(202);
        });
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    EmailSeed.seed(tenant, plan, ctx.world().clock().instant());
  }

  private static Tenant tenant(SandboxContext ctx, KeapRequest r) {
    return ctx.world().tenant(r.tenantId());
  }
}
