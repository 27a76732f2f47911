package dev.keapgw.sandbox.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which tags are on which contacts, kept in two places that always agree: a contact's
 * {@code tag_ids} and a row per application in {@value #TABLE}
 * ({@code {id, tag_id, contact_id, applied_time}}, indexed by tag and by contact), which
 * {@code GET /tags/{tag_id}/contacts} lists and which remembers when the tag was applied.
 * Every change holds the tenant's write lock across both.
 */
public final class TagApplications {
  public static final String TABLE = "tag_applications";
  public static final String TAGS = "tags";
  public static final String CONTACTS = "contacts";

  /** The outcome per contact that {@code :applyTags} reports. */
  public static final String SUCCESS = "SUCCESS";

  public static final String DUPLICATE = "DUPLICATE";
  public static final String CONTACT_NOT_FOUND = "CONTACT_NOT_FOUND";

  private TagApplications() {}

  static TableSpec table() {
    Map<String, Function<ObjectNode, Collection<String>>> indexes = Map.of(
        "tag_id", row -> List.of(row.path("tag_id").asText()),
        "contact_id", row -> List.of(row.path("contact_id").asText()));
    return new TableSpec(TABLE, indexes);
  }

  /**
   * Puts a tag on a contact at {@code appliedTime}; answers {@link #SUCCESS}, {@link #DUPLICATE}
   * when it already was, or {@link #CONTACT_NOT_FOUND}. The tag must exist.
   */
  public static String apply(Tenant tenant, String tagId, String contactId, String appliedTime) {
    return tenant.write(() -> {
      Table contacts = tenant.table(CONTACTS);
      Long cid = Table.parseId(contactId);
      Optional<ObjectNode> contact = cid == null ? Optional.empty() : contacts.get(cid);
      if (contact.isEmpty()) {
        return CONTACT_NOT_FOUND;
      }
      if (find(tenant, tagId, cid).isPresent()) {
        return DUPLICATE;
      }
      ObjectNode app = Json.object()
          .put("tag_id", tagId)
          .put("contact_id", contactId)
          .put("applied_time", appliedTime);
      tenant.table(TABLE).insert(app);
      ObjectNode row = contact.get();
      ArrayNode ids = row.has("tag_ids") ? (ArrayNode) row.get("tag_ids") : row.putArray("tag_ids");
      ids.add(tagId);
      contacts.put(cid, row);
      return SUCCESS;
    });
  }

  /** Takes a tag off a contact; answers whether it was on it (nothing happens when it was not). */
  static boolean remove(Tenant tenant, String tagId, String contactId) {
    return tenant.write(() -> {
      Long cid = Table.parseId(contactId);
      Optional<Long> app = cid == null ? Optional.empty() : find(tenant, tagId, cid);
      app.ifPresent(appId -> {
        tenant.table(TABLE).remove(appId);
        Table contacts = tenant.table(CONTACTS);
        contacts.get(cid).ifPresent(row -> {
          withoutTag(row, tagId);
          contacts.put(cid, row);
        });
      });
      return app.isPresent();
    });
  }

  /** Forgets every application of a deleted contact (its row is already gone). */
  static void forgetContact(Tenant tenant, long contactId) {
    tenant.write(() -> tenant.table(TABLE).removeAll("contact_id", Long.toString(contactId)));
  }

  /** Takes a deleted tag off every contact that had it. */
  static void forgetTag(Tenant tenant, String tagId) {
    tenant.write(() -> {
      Table apps = tenant.table(TABLE);
      Table contacts = tenant.table(CONTACTS);
      for (long appId : List.copyOf(apps.lookup("tag_id", tagId))) {
        apps.get(appId).ifPresent(app -> {
          long cid = Long.parseLong(app.path("contact_id").asText());
          contacts.get(cid).ifPresent(row -> {
            withoutTag(row, tagId);
            contacts.put(cid, row);
          });
        });
        apps.remove(appId);
      }
    });
  }

  private static Optional<Long> find(Tenant tenant, String tagId, long contactId) {
    Table apps = tenant.table(TABLE);
    for (long appId : apps.lookup("contact_id", Long.toString(contactId))) {
      Optional<ObjectNode> app = apps.get(appId);
      if (app.isPresent() && app.get().path("tag_id").asText().equals(tagId)) {
        return Optional.of(appId);
      }
    }
    return Optional.empty();
  }

  private static void withoutTag(ObjectNode contact, String tagId) {
    ArrayNode kept = Json.array();
    for (JsonNode t : contact.path("tag_ids")) {
      if (!t.asText().equals(tagId)) {
        kept.add(t);
      }
    }
    contact.set("tag_ids", kept);
  }
}
