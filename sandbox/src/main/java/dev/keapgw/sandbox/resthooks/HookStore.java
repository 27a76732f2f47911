package dev.keapgw.sandbox.resthooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's REST hook subscriptions, one row each in {@value #TABLE}:
 * {@code {id, eventKey, hookUrl, status, secret}}, where {@code secret} is the
 * {@code X-Hook-Secret} of the latest handshake (what {@code delayedVerify} must send back).
 * The table is indexed by event key, so a change with no subscriber costs one lookup. Every
 * change of a row holds the tenant's write lock; nothing here touches the network.
 */
final class HookStore {
  static final String TABLE = "rest_hooks";
  static final String BY_EVENT_KEY = "event_key";
  static final String DOMAIN = "hook";

  private HookStore() {}

  static TableSpec table() {
    return TableSpec.indexed(
        TABLE, BY_EVENT_KEY, row -> List.of(row.path("eventKey").asText()));
  }

  /** The subscription as Keap answers it: {@code key, eventKey, hookUrl, status}. */
  static ObjectNode view(ObjectNode row) {
    return Json.object()
        .put("key", row.path("id").asText())
        .put("eventKey", row.path("eventKey").asText())
        .put("hookUrl", row.path("hookUrl").asText())
        .put("status", row.path("status").asText());
  }

  static ArrayNode list(Tenant tenant) {
    ArrayNode out = Json.array();
    Iterator<Map.Entry<Long, byte[]>> rows = tenant.table(TABLE).scan(null, true);
    rows.forEachRemaining(e -> out.add(view(Json.parseTrusted(e.getValue()))));
    return out;
  }

  /** The row a path's key names, or 404. */
  static ObjectNode get(Tenant tenant, String key) {
    return find(tenant, key).orElseThrow(() -> ApiException.notFound(DOMAIN, key));
  }

  static Optional<ObjectNode> find(Tenant tenant, String key) {
    return tenant.table(TABLE).get(key);
  }

  /** A new, Unverified subscription whose handshake will send {@code secret}. */
  static ObjectNode create(Tenant tenant, String eventKey, String hookUrl, String secret) {
    ObjectNode row = Json.object()
        .put("eventKey", eventKey)
        .put("hookUrl", hookUrl)
        .put("status", HookStatus.Unverified.name())
        .put("secret", secret);
    return tenant.write(() -> tenant.table(TABLE).insert(row, r -> Json.inOrder(r, ORDER)));
  }

  /** A changed subscription is Unverified again until its next handshake succeeds. */
  static ObjectNode change(
      Tenant tenant, String key, String eventKey, String hookUrl, String secret) {
    return tenant.write(() -> {
      ObjectNode row = get(tenant, key);
      row.put("eventKey", eventKey)
          .put("hookUrl", hookUrl)
          .put("status", HookStatus.Unverified.name())
          .put("secret", secret);
      tenant.table(TABLE).replace(row);
      return row;
    });
  }

  /** Records the secret a new handshake sends; the status stays until the handshake's outcome. */
  static ObjectNode newSecret(Tenant tenant, String key, String secret) {
    return tenant.write(() -> {
      ObjectNode row = get(tenant, key);
      row.put("secret", secret);
      tenant.table(TABLE).replace(row);
      return row;
    });
  }

  /**
   * Marks the subscription Verified if its latest handshake sent {@code secret} (a handshake
   * overtaken by a newer one, or a deleted hook, changes nothing). Answers the row as it is
   * now, or empty when the hook is gone.
   */
  static Optional<ObjectNode> confirm(Tenant tenant, String key, String secret) {
    return tenant.write(() -> {
      Optional<ObjectNode> found = find(tenant, key);
      found.filter(row -> row.path("secret").asText().equals(secret)).ifPresent(row -> {
        row.put("status", HookStatus.Verified.name());
        tenant.table(TABLE).replace(row);
      });
      return found;
    });
  }

  /**
   * Makes a Verified subscription Inactive after a delivery to {@code hookUrl} failed for good
   * (a hook whose URL changed or that was re-verified meanwhile is left alone).
   */
  static void deactivate(Tenant tenant, long key, String hookUrl) {
    tenant.write(() -> tenant
        .table(TABLE)
        .get(key)
        .filter(row -> row.path("hookUrl").asText().equals(hookUrl))
        .filter(row -> row.path("status").asText().equals(HookStatus.Verified.name()))
        .ifPresent(row -> {
          row.put("status", HookStatus.Inactive.name());
          tenant.table(TABLE).replace(row);
        }));
  }

  static void delete(Tenant tenant, String key) {
    tenant.write(() -> {
      Long n = Table.parseId(key);
      if (n == null || !tenant.table(TABLE).remove(n)) {
        throw ApiException.notFound(DOMAIN, key);
      }
    });
  }

  /** Whether any subscription of the tenant, in any status, is for {@code eventKey}. */
  static boolean anyFor(Tenant tenant, String eventKey) {
    return !tenant.table(TABLE).lookup(BY_EVENT_KEY, eventKey).isEmpty();
  }

  /** The Verified subscriptions for {@code eventKey}: where a batch goes now. */
  static List<ObjectNode> verifiedFor(Tenant tenant, String eventKey) {
    Table table = tenant.table(TABLE);
    List<ObjectNode> out = new ArrayList<>();
    for (long id : table.lookup(BY_EVENT_KEY, eventKey)) {
      table
          .get(id)
          .filter(row -> row.path("eventKey").asText().equals(eventKey))
          .filter(row -> row.path("status").asText().equals(HookStatus.Verified.name()))
          .ifPresent(out::add);
    }
    return out;
  }

  private static final List<String> ORDER =
      List.of("id", "eventKey", "hookUrl", "status", "secret");
}
