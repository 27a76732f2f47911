package dev.keapgw.sandbox.products;

import static dev.keapgw.sandbox.CrmTestSupport.filter;
import static dev.keapgw.sandbox.CrmTestSupport.orderBy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProductsTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static ObjectNode widget(String name, long price) {
    return TestHttp.obj()
        .put("name", name)
        .put("price", price)
        .put("short_description", "A test product");
  }

  @Test
  void createAnswers201WithThePriceAsACurrencyValue() {
    ObjectNode body = widget("Gadget Pro", 1250).put("sku", "GDG-PRO").put("shippable", true);
    body.putObject("inventory").put("inventory_limit", 2).put("inventory_count", 40);
    TestHttp.Reply r = FIX.api().post("/products", body);
    assertThat(r.status()).isEqualTo(201);
    JsonNode p = r.json();
    assertThat(p.get("id").asText()).matches("\\d+");
    assertThat(p.get("name").asText()).isEqualTo("Gadget Pro");
    assertThat(p.at("/price/amount").asLong()).isEqualTo(1250);
    assertThat(p.at("/price/currency_code").asText()).isEqualTo("USD");
    assertThat(p.at("/price/formatted_amount").asText()).isEqualTo("$12.50");
    assertThat(p.get("active").asBoolean()).isTrue();
    assertThat(p.get("shippable").asBoolean()).isTrue();
    assertThat(p.get("subscription_plans").isArray()).isTrue();
    assertThat(p.get("create_time").asText())
        .isEqualTo(p.get("update_time").asText())
        .endsWith("Z");

    TestHttp.Reply got = FIX.api().get("/products/" + p.get("id").asText());
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json()).isEqualTo(p);
    assertThat(got.json().at("/inventory/inventory_count").asInt()).isEqualTo(40);
  }

  @Test
  void createNamesTheMissingOrWrongField() {
    assertBadField(TestHttp.obj().put("price", 100).put("short_description", "x"), "name");
    assertBadField(TestHttp.obj().put("name", "x").put("short_description", "x"), "price");
    assertBadField(TestHttp.obj().put("name", "x").put("price", 100), "short_description");
    assertBadField(widget("x", 100).put("price", 12.5), "price");
    assertBadField(widget("x", -1), "price");
    assertBadField(widget("x", 100).put("price", "100"), "price");
    assertBadField(widget("x", 100).put("active", "yes"), "active");
    assertBadField(widget("x", 100).put("weight", -2), "weight");
    ObjectNode badInventory = widget("x", 100);
    badInventory.putObject("inventory").put("inventory_count", -1);
    assertBadField(badInventory, "inventory.inventory_count");
    assertThat(FIX.api().post("/products", "{not json").status()).isEqualTo(400);
  }

  private static void assertBadField(ObjectNode body, String field) {
    TestHttp.Reply r = FIX.api().post("/products", body);
    assertThat(r.status()).as(body.toString()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo(field);
    assertThat(r.json().at("/details/0/domain").asText()).isEqualTo("product");
  }

  @Test
  void unknownProductIs404() {
    assertThat(FIX.api().get("/products/999999").status()).isEqualTo(404);
    assertThat(FIX.api().get("/products/abc").json().get("status").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void seededCatalogueListsWithoutInventoryCounts() {
    TestHttp.Reply r = FIX.api().get("/products?" + filter("product_id<=8"));
    assertThat(r.status()).isEqualTo(200);
    JsonNode items = r.json().get("products");
    assertThat(items).hasSize(8);
    assertThat(r.json().get("next_page_token").asText()).isEmpty();
    for (JsonNode p : items) {
      assertThat(p.at("/price/formatted_amount").asText()).startsWith("$");
      assertThat(p.get("inventory").has("inventory_count")).as(p.toString()).isFalse();
      assertThat(p.get("inventory").has("inventory_limit")).isTrue();
    }
    JsonNode membership =
        FIX.api().get("/products?" + filter("sku==MEMB-MON")).json().at("/products/0");
    assertThat(membership.get("subscription_plans")).hasSize(2);
    assertThat(membership.at("/subscription_plans/0/plan_price/amount").asLong())
        .isEqualTo(2900);
  }

  @Test
  void filtersByNamePrefixCaseInsensitivelyAndByIds() {
    String id = FIX.api()
        .post("/products", widget("Zebra Stripe Mug", 900))
        .json()
        .get("id")
        .asText();
    TestHttp.Reply r = FIX.api().get("/products?" + filter("name==zebra str*"));
    assertThat(ids(r.json().get("products"))).containsExactly(id);
    assertThat(ids(
            FIX.api().get("/products?" + filter("product_ids==1," + id)).json().get("products")))
        .containsExactly("1", id);
    assertThat(FIX.api()
            .get("/products?" + filter("product_id!=1"))
            .json()
            .at("/details/0/resource")
            .asText())
        .isEqualTo("product_id");
    assertThat(FIX.api().get("/products?" + filter("price==1")).status()).isEqualTo(400);
  }

  @Test
  void ordersByNameBothWaysAndRejectsUnknownOrderFields() {
    List<String> asc =
        names(FIX.api().get("/products?" + orderBy("name asc")).json().get("products"));
    assertThat(asc)
        .hasSizeGreaterThanOrEqualTo(8)
        .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    List<String> desc =
        names(FIX.api().get("/products?" + orderBy("name desc")).json().get("products"));
    assertThat(desc).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
    TestHttp.Reply bad = FIX.api().get("/products?" + orderBy("price asc"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/details/0/resource").asText()).isEqualTo("order_by");
  }

  @Test
  void pagesThroughTheCatalogue() {
    List<String> seen = new ArrayList<>();
    String token = "";
    do {
      JsonNode page = FIX.api()
          .get("/products?page_size=3&" + orderBy("sku asc") + "&page_token=" + token)
          .json();
      seen.addAll(ids(page.get("products")));
      token = page.get("next_page_token").asText();
    } while (!token.isEmpty());
    assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(8);
  }

  static List<String> ids(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("id").asText()));
    out.sort(Comparator.comparingLong(Long::parseLong));
    return out;
  }

  private static List<String> names(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("name").asText()));
    return out;
  }
}
