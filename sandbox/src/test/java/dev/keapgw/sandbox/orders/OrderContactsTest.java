package dev.keapgw.sandbox.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.affiliates.AffiliatesModule;
import dev.keapgw.sandbox.commerce.ContactRefs;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.products.ProductsModule;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Journal;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Orders against a tenant that has a contacts table, as the full sandbox will once the
 * contacts module is in: without a socket, so it runs whether or not that module is built.
 */
@Tag("unit")
class OrderContactsTest {
  private static Tenant tenant(boolean withContacts) {
    List<TableSpec> specs = new ArrayList<>(new OrdersModule().tables());
    specs.addAll(new ProductsModule().tables());
    specs.addAll(new AffiliatesModule().tables());
    if (withContacts) {
      specs.add(TableSpec.of(ContactRefs.TABLE));
    }
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    return new World(specs, Journal.NONE, clock).tenant("kx999");
  }

  private static ObjectNode order(String contactId) {
    return Json.object()
        .put("contact_id", contactId)
        .put("order_title", "t")
        .put("order_time", "2024-05-21T14:30:00Z")
        .put("order_type", "OFFLINE");
  }

  @Test
  void summarisesTheContactFromItsRowAndFollowsRenames() {
    Tenant t = tenant(true);
    ObjectNode contact = Json.object().put("given_name", "Ida").put("family_name", "Wells");
    contact
        .putArray("email_addresses")
        .addObject()
        .put("email", "ida@example.com")
        .put("field", "EMAIL1");
    long id = t.table(ContactRefs.TABLE).insert(contact);

    ObjectNode o = OrderWrites.create(t, order(Long.toString(id)), "2026-01-02T03:04:05Z", "API");
    assertThat(o.get("contact"))
        .isEqualTo(Json.object()
            .put("id", Long.toString(id))
            .put("email", "ida@example.com")
            .put("given_name", "Ida")
            .put("family_name", "Wells"));

    contact.put("family_name", "Wells-Barnett");
    t.table(ContactRefs.TABLE).put(id, contact);
    ObjectNode stored = t.table(OrdersModule.TABLE).get(o.get("id").asText()).orElseThrow();
    assertThat(OrderViews.view(t).apply(stored).at("/contact/family_name").asText())
        .isEqualTo("Wells-Barnett");
  }

  @Test
  void rejectsAContactThatDoesNotExistNamingTheField() {
    Tenant t = tenant(true);
    assertThatThrownBy(() -> OrderWrites.create(t, order("42"), "2026-01-02T03:04:05Z", "API"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.details().get(0).resource()).isEqualTo("contact_id");
        });
    assertThat(t.table(OrdersModule.TABLE).size()).isZero();
  }

  @Test
  void withoutAContactsTableAnyIdIsAcceptedAndShownBare() {
    Tenant t = tenant(false);
    ObjectNode o = OrderWrites.create(t, order("42"), "2026-01-02T03:04:05Z", "API");
    assertThat(o.get("contact")).isEqualTo(Json.object().put("id", "42"));
    assertThat(ContactRefs.sampleIds(t, 3)).containsExactly("1", "2", "3");
  }

  @Test
  void seedsOnlyForContactsThatExist() {
    Tenant t = tenant(true);
    t.table(ContactRefs.TABLE).put(2, Json.object().put("id", "2").put("given_name", "Two"));
    assertThat(ContactRefs.sampleIds(t, 10)).containsExactly("2");
    assertThat(References.accepts(t, ContactRefs.TABLE, "2")).isTrue();
    assertThat(References.accepts(t, ContactRefs.TABLE, "3")).isFalse();
  }
}
