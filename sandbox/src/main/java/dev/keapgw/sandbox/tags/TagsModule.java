package dev.keapgw.sandbox.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.resource.ResourceTable;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tags, tag categories and which contacts carry which tag. {@code :applyTags} answers 200 with
 * a result per contact ({@code SUCCESS}, {@code DUPLICATE} when the contact already had the tag,
 * {@code CONTACT_NOT_FOUND}), even when some failed; {@code :removeTags} answers 204 and ignores
 * contacts that did not have the tag. Deleting a tag takes it off every contact; deleting a
 * contact takes it out of every tag's list (through {@code Hooks.onContactDeleted}).
 *
 * <p>REST hook events: {@code contactGroup.add} and {@code contactGroup.delete} for a tag
 * created or deleted; {@code contactGroup.applied} and {@code contactGroup.removed} for the
 * contacts whose tags an {@code :applyTags} or {@code :removeTags} call changed.
 */
public final class TagsModule implements KeapModule {
  static final String CATEGORIES = "tag_categories";
  private static final ResourceTable TAG_ROWS = new ResourceTable(TagApplications.TAGS, "tag");
  private static final List<String> ORDER =
      List.of("id", "name", "description", "category", "create_time", "update_time");

  private final TagValidation validation = new TagValidation();

  @Override
  public List<TableSpec> tables() {
    return List.of(
        TableSpec.of(TagApplications.TAGS), TableSpec.of(CATEGORIES), TagApplications.table());
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    ctx.hooks().onContactDeleted(TagApplications::forgetContact);
    TAG_ROWS
        .listAndGet(routing.api(), ctx, "/tags", "tag_id", TagListSpecs.TAGS, row -> row)
        .post("/tags", r -> {
          ObjectNode tag = createTag(ctx, r);
          ctx.events()
              .changed(tenant(ctx, r), "contactGroup.add", tag.path("id").asLong());
          return KeapResponse.json(201, tag);
        })
        .patch("/tags/{tag_id}", r -> KeapResponse.json(200, updateTag(ctx, r)))
        .delete("/tags/{tag_id}", r -> {
          deleteTag(tenant(ctx, r), r.pathParam("tag_id"));
          ctx.events()
              .changed(
                  tenant(ctx, r), "contactGroup.delete", Long.parseLong(r.pathParam("tag_id")));
          return KeapResponse.empty(204);
        })
        .get("/tags/{tag_id}/contacts", r -> KeapResponse.json(200, taggedContacts(ctx, r)))
        .post("/tags/{tag_id}/contacts:applyTags", r -> KeapResponse.json(200, applyTags(ctx, r)))
        .post("/tags/{tag_id}/contacts:removeTags", r -> {
          removeTags(ctx, r);
          return KeapResponse.empty(204);
        })
        .get(
            "/tags/categories",
            r -> KeapResponse.json(
                200,
                ctx.lister()
                    .list(
                        r,
                        TagListSpecs.CATEGORIES,
                        Lister.Source.all(tenant(ctx, r).table(CATEGORIES)),
                        row -> row)))
        .post("/tags/categories", r -> KeapResponse.json(201, createCategory(ctx, r)));
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    TagSeed.seed(tenant, plan, ctx.world());
  }

  private ObjectNode createTag(SandboxContext ctx, KeapRequest r) {
    ObjectNode body = r.jsonBody();
    Tenant tenant = tenant(ctx, r);
    return tenant.write(() -> {
      ObjectNode row = Json.object();
      validation.applyTag(row, body, null, tenant.table(CATEGORIES), true);
      String now = ctx.world().now();
      row.put("create_time", now).put("update_time", now);
      return insert(tenant.table(TagApplications.TAGS), row);
    });
  }

  private ObjectNode updateTag(SandboxContext ctx, KeapRequest r) {
    List<String> mask = validation.tagMask(r.paramList("update_mask"));
    ObjectNode body = r.jsonBody();
    Tenant tenant = tenant(ctx, r);
    String id = r.pathParam("tag_id");
    return tenant.write(() -> {
      ObjectNode row = tag(tenant, id);
      validation.applyTag(row, body, mask, tenant.table(CATEGORIES), false);
      row.put("update_time", ctx.world().now());
      ObjectNode out = ordered(row);
      tenant.table(TagApplications.TAGS).put(Long.parseLong(id), out);
      return out;
    });
  }

  private static void deleteTag(Tenant tenant, String id) {
    tenant.write(() -> {
      Long n = Table.parseId(id);
      if (n == null || !tenant.table(TagApplications.TAGS).remove(n)) {
        throw ApiException.notFound("tag", id);
      }
      TagApplications.forgetTag(tenant, id);
    });
  }

  private static ObjectNode taggedContacts(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = tenant(ctx, r);
    String tagId = tag(tenant, r.pathParam("tag_id")).get("id").asText();
    Table contacts = tenant.table(TagApplications.CONTACTS);
    Lister.Source source = new Lister.Source(
        tenant.table(TagApplications.TABLE),
        app -> app.path("tag_id").asText().equals(tagId),
        "tag:" + tagId);
    return ctx.lister()
        .list(
            r,
            TagListSpecs.taggedContacts(contacts),
            source,
            app -> TagListSpecs.taggedContact(
                app, contacts.get(app.path("contact_id").asText()).orElse(Json.object())));
  }

  /** The tag is looked up under the lock, so a tag deleted meanwhile is never applied. */
  private ObjectNode applyTags(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = tenant(ctx, r);
    tag(tenant, r.pathParam("tag_id"));
    List<String> ids = validation.contactIds(r.jsonBody());
    ObjectNode out = Json.object();
    ObjectNode results = out.putObject("results");
    tenant.write(() -> {
      String tagId = tag(tenant, r.pathParam("tag_id")).get("id").asText();
      String now = ctx.world().now();
      List<Long> applied = new ArrayList<>();
      for (String id : ids) {
        String outcome = TagApplications.apply(tenant, tagId, id, now);
        results.put(id, outcome);
        if (outcome.equals(TagApplications.SUCCESS)) {
          applied.add(Long.parseLong(id));
        }
      }
      ctx.events().tagged(tenant, "contactGroup.applied", Long.parseLong(tagId), applied);
    });
    return out;
  }

  private void removeTags(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = tenant(ctx, r);
    tag(tenant, r.pathParam("tag_id"));
    List<String> ids = validation.contactIds(r.jsonBody());
    tenant.write(() -> {
      String tagId = tag(tenant, r.pathParam("tag_id")).get("id").asText();
      List<Long> removed = new ArrayList<>();
      for (String id : ids) {
        if (TagApplications.remove(tenant, tagId, id)) {
          removed.add(Long.parseLong(id));
        }
      }
      ctx.events().tagged(tenant, "contactGroup.removed", Long.parseLong(tagId), removed);
    });
  }

  private ObjectNode createCategory(SandboxContext ctx, KeapRequest r) {
    ObjectNode body = r.jsonBody();
    Tenant tenant = tenant(ctx, r);
    return tenant.write(() -> {
      Table categories = tenant.table(CATEGORIES);
      ObjectNode row = validation.category(body, categories);
      String now = ctx.world().now();
      row.put("create_time", now).put("update_time", now);
      return insert(categories, row);
    });
  }

  private static ObjectNode tag(Tenant tenant, String id) {
    return TAG_ROWS.get(tenant.table(TagApplications.TAGS), id);
  }

  /** Stores a new row with a fresh id, fields in answer order; returns what was stored. */
  static ObjectNode insert(Table table, ObjectNode row) {
    return table.insert(row, TagsModule::ordered);
  }

  /** The row with its fields in the order Keap answers them. */
  static ObjectNode ordered(ObjectNode row) {
    ObjectNode out = Json.object();
    for (String f : ORDER) {
      JsonNode v = row.get(f);
      if (v != null) {
        out.set(f, v);
      }
    }
    row.fields().forEachRemaining(e -> {
      if (!out.has(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  private static Tenant tenant(SandboxContext ctx, KeapRequest r) {
    return ctx.world().tenant(r.tenantId());
  }
}
