package dev.keapgw.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for the resource tests: query encoding, page walks and contact ids. */
public final class CrmTestSupport {
  private CrmTestSupport() {}

  /** A query value percent-encoded the way Keap's Java client sends it. */
  public static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code filter=...} with the value percent-encoded, as Keap's clients send it. */
  public static String filter(String filter) {
    return "filter=" + q(filter);
  }

  public static String orderBy(String orderBy) {
    return "order_by=" + q(orderBy);
  }

  /**
   * Follows {@code next_page_token} from the first page to the last, checking every page is
   * 200 and holds at most {@code pageSize} items, and returns the items in the order served.
   */
  public static List<JsonNode> walk(TestHttp api, String path, String itemsKey, int pageSize) {
    List<JsonNode> all = new ArrayList<>();
    String sep = path.contains("?") ? "&" : "?";
    String token = "";
    int pages = 0;
    do {
      TestHttp.Reply r = api.get(path + sep + "page_size=" + pageSize
          + (token.isEmpty() ? "" : "&page_token=" + q(token)));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode items = r.json().get(itemsKey);
      assertThat(items.size()).isLessThanOrEqualTo(pageSize);
      items.forEach(all::add);
      token = r.json().path("next_page_token").asText("");
      assertThat(++pages).as("page walk does not end").isLessThan(10_000);
    } while (!token.isEmpty());
    return all;
  }

  public static List<String> ids(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.path("id").asText()));
    return out;
  }

  public static List<String> ids(List<JsonNode> items) {
    return items.stream().map(i -> i.path("id").asText()).toList();
  }

  /** Whether this build emulates contacts (the contacts module may live on another branch). */
  public static boolean contactsEmulated(TestHttp api) {
    return api.get("/contacts?page_size=1").status() == 200;
  }

  /**
   * A fresh contact's id, named {@code given family <email>} ({@code family} may be null), when
   * contacts are emulated; else "1", which cannot be checked. The row is written straight into
   * the first tenant's table, so no contact API rule stands in the way of a test's data.
   */
  public static String contactId(SandboxFixture fix, String given, String family, String email) {
    Tenant tenant = firstTenant(fix);
    return References.table(tenant, "contacts")
        .map(t -> {
          ObjectNode c = Json.object().put("id", "").put("given_name", given);
          Json.putText(c, "family_name", family);
          c.putArray("email_addresses").addObject().put("email", email).put("field", "EMAIL1");
          c.put("create_time", fix.sandbox().context().world().now());
          return Long.toString(t.insert(c));
        })
        .orElse("1");
  }

  /** Deletes a contact as the contacts module does: row and references, under the tenant's lock. */
  public static void deleteContact(SandboxFixture fix, String id) {
    Tenant t = firstTenant(fix);
    t.write(() -> {
      long n = Long.parseLong(id);
      t.table("contacts").remove(n);
      fix.sandbox().context().hooks().contactDeleted(t, n);
    });
  }

  private static Tenant firstTenant(SandboxFixture fix) {
    return fix.sandbox().context().world().tenant(Sandbox.tenantId(1));
  }

  /** An existing contact's id when contacts are emulated; else "1", which cannot be checked. */
  public static String someContactId(TestHttp api) {
    TestHttp.Reply r = api.get("/contacts?page_size=1");
    if (r.status() == 200 && r.json().path("contacts").size() > 0) {
      return r.json().at("/contacts/0/id").asText();
    }
    return "1";
  }
}
