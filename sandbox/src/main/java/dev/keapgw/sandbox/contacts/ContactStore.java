package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.events.ChangeEvents;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Hooks;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes contacts: create (optionally matching an existing contact first), update with or
 * without an update mask, and delete with its consequences in other resources. Every write
 * runs under the tenant's write lock.
 *
 * <p>Update rules: without a mask, every writable field the body mentions is replaced (arrays
 * whole: items not listed are gone) and a JSON null clears it. With a mask, only the masked
 * fields change; a masked field the body leaves out is cleared. A UTM touch is appended, never
 * replaced.
 *
 * <p>Each write announces itself to REST hook subscribers: {@code contact.add} for a new
 * contact, {@code contact.edit} for an update or a create that matched an existing contact,
 * {@code contact.delete}.
 */
final class ContactStore {
  static final String TABLE = "contacts";

  /** A written contact and whether it is new (201) or an existing one that matched (200). */
  record Saved(ObjectNode row, boolean created) {}

  private final World world;
  private final Hooks hooks;
  private final ChangeEvents events;

  ContactStore(World world, Hooks hooks, ChangeEvents events) {
    this.world = world;
    this.hooks = hooks;
    this.events = events;
  }

  Saved create(Tenant tenant, ContactInput in, DuplicateOption duplicate, String userId) {
    return tenant.write(() -> {
      Table contacts = tenant.table(TABLE);
      if (duplicate != null) {
        Optional<ObjectNode> match = duplicate.find(contacts, in);
        if (match.isPresent()) {
          ObjectNode row = apply(match.get(), in, null, userId);
          long id = Long.parseLong(row.get("id").asText());
          contacts.put(id, row);
          events.changed(tenant, "contact.edit", id);
          return new Saved(row, false);
        }
      }
      if (!in.hasReachableDetail()) {
        throw ApiException.invalidField(
            ContactValidation.DOMAIN,
            "email_addresses",
            "A contact needs at least one item in email_addresses, phone_numbers or addresses");
      }
      String now = world.now();
      long id = contacts.nextId();
      ObjectNode row = Json.object();
      row.put("id", Long.toString(id));
      row.put("source_type", "API");
      row.putArray("tag_ids");
      row.put("created_by", userId);
      row.put("create_time", now);
      row = apply(row, in, null, userId);
      if (row.has("origin")) {
        ((ObjectNode) row.get("origin")).put("date", now);
      }
      contacts.put(id, row);
      events.changed(tenant, "contact.add", id);
      return new Saved(row, true);
    });
  }

  ObjectNode update(Tenant tenant, String id, ContactInput in, List<String> mask, String userId) {
    return tenant.write(() -> {
      Table contacts = tenant.table(TABLE);
      ObjectNode row = contacts.get(id).orElseThrow(() -> ApiException.notFound("contact", id));
      row = apply(row, in, mask, userId);
      contacts.put(Long.parseLong(id), row);
      events.changed(tenant, "contact.edit", Long.parseLong(id));
      return row;
    });
  }

  /** Removes a contact and, through the hooks, its notes, tag applications and other references. */
  void delete(Tenant tenant, String id) {
    tenant.write(() -> {
      Long n = Table.parseId(id);
      if (n == null || !tenant.table(TABLE).remove(n)) {
        throw ApiException.notFound("contact", id);
      }
      hooks.contactDeleted(tenant, n);
      events.changed(tenant, "contact.delete", n);
    });
  }

  /** Applies a body to a row; {@code mask} null means every field the body mentions. */
  private ObjectNode apply(ObjectNode row, ContactInput in, List<String> mask, String userId) {
    String now = world.now();
    Set<String> fields = mask == null ? in.values().keySet() : Set.copyOf(mask);
    for (String f : fields) {
      if (f.equals("utm_parameters")) {
        continue;
      }
      JsonNode v = in.values().get(f);
      if (v == null || v.isNull()) {
        row.remove(f);
      } else {
        row.set(f, v);
      }
    }
    if (in.utm() != null && (mask == null || mask.contains("utm_parameters"))) {
      ContactUtm.append(row, Long.parseLong(row.get("id").asText()), in.utm(), now);
    }
    row.put("last_updated_by", userId);
    row.put("update_time", now);
    return ContactFields.canonical(row);
  }

  /**
   * The writable fields an {@code update_mask} names, or null when there is no mask. An unknown
   * name answers 400; read-only names the spec's enum lists (such as {@code id} or
   * {@code tag_ids}) change nothing.
   */
  static List<String> mask(List<String> requested) {
    if (requested.isEmpty()) {
      return null;
    }
    for (String m : requested) {
      if (!ContactFields.KNOWN.contains(m)) {
        throw ApiException.invalidField(
            ContactValidation.DOMAIN, "update_mask", "Unknown update_mask value '" + m + "'");
      }
    }
    return requested.stream()
        .filter(ContactValidation.WRITABLE::contains)
        .distinct()
        .toList();
  }
}
