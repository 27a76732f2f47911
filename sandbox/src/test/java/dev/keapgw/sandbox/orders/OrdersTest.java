package dev.keapgw.sandbox.orders;

import static dev.keapgw.sandbox.CrmTestSupport.filter;
import static dev.keapgw.sandbox.CrmTestSupport.orderBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.CrmTestSupport;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrdersTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static String product(long cents) {
    ObjectNode body = TestHttp.obj()
        .put("name", "Order Test Item")
        .put("price", cents)
        .put("short_description", "x");
    return FIX.api().post("/products", body).json().get("id").asText();
  }

  private static ObjectNode order(String contactId) {
    return TestHttp.obj()
        .put("contact_id", contactId)
        .put("order_title", "Spring sale")
        .put("order_time", "2024-05-21T14:30:00+02:00")
        .put("order_type", "ONLINE");
  }

  private static String someContact() {
    return CrmTestSupport.contactId(FIX, "Nora", "Quinn", "nora@example.com");
  }

  @Test
  void createComputesTotalsFromItemsAndDefaultsPricesToTheProducts() {
    String p = product(1250);
    ObjectNode body = order(someContact()).put("notes", "gift wrap");
    body.putArray("order_items").addObject().put("product_id", p).put("quantity", 2);
    TestHttp.Reply r = FIX.api().post("/orders", body);
    assertThat(r.status()).isEqualTo(201);
    JsonNode o = r.json();
    assertThat(o.get("id").asText()).matches("\\d+");
    assertThat(o.get("title").asText()).isEqualTo("Spring sale");
    assertThat(o.get("order_type").asText()).isEqualTo("ONLINE");
    assertThat(o.get("source_type").asText()).isEqualTo("API");
    assertThat(o.get("status").asText()).isEqualTo("DRAFT");
    assertThat(o.get("order_time").asText()).isEqualTo("2024-05-21T12:30:00.000Z");
    assertThat(o.at("/total/amount").asLong()).isEqualTo(2500);
    assertThat(o.at("/total/formatted_amount").asText()).isEqualTo("$25.00");
    assertThat(o.at("/total_due/amount").asLong()).isEqualTo(2500);
    assertThat(o.at("/total_paid/amount").asLong()).isZero();
    JsonNode item = o.at("/order_items/0");
    assertThat(item.get("id").asText()).matches("\\d+");
    assertThat(item.get("name").asText()).isEqualTo("Order Test Item");
    assertThat(item.get("item_type").asText()).isEqualTo("PRODUCT");
    assertThat(item.at("/price_per_unit/amount").asLong()).isEqualTo(1250);
    assertThat(item.at("/product/id").asText()).isEqualTo(p);
    assertThat(FIX.api().get("/orders/" + o.get("id").asText()).json()).isEqualTo(o);
  }

  @Test
  void addingAnItemChangesTheTotals() {
    String p = product(1000);
    ObjectNode body = order(someContact());
    body.putArray("order_items").addObject().put("product_id", p).put("quantity", 1);
    String id = FIX.api().post("/orders", body).json().get("id").asText();

    TestHttp.Reply added = FIX.api()
        .post(
            "/orders/" + id + "/items",
            TestHttp.obj()
                .put("product_id", p)
                .put("quantity", 3)
                .put("price_per_unit", 2.5)
                .put("notes", "rush"));
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().at("/price_per_unit/amount").asLong()).isEqualTo(250);
    assertThat(added.json().get("quantity").asInt()).isEqualTo(3);
    assertThat(added.json().get("notes").asText()).isEqualTo("rush");

    FIX.api()
        .post(
            "/orders/" + id + "/items",
            TestHttp.obj()
                .put("item_type", "DISCOUNT")
                .put("name", "Coupon")
                .put("quantity", 1)
                .put("price_per_unit", 1.5));
    JsonNode o = FIX.api().get("/orders/" + id).json();
    assertThat(o.get("order_items")).hasSize(3);
    assertThat(o.at("/total/amount").asLong()).isEqualTo(1000 + 750 - 150);
    assertThat(o.at("/total_due/amount").asLong()).isEqualTo(1600);
    assertThat(o.at("/order_items/2/discount/amount").asLong()).isEqualTo(150);
    assertThat(o.at("/order_items/1/id").asText())
        .isNotEqualTo(o.at("/order_items/2/id").asText());
  }

  @Test
  void createNamesTheMissingOrWrongField() {
    String c = someContact();
    assertBadOrder(order(c).without("contact_id"), "contact_id");
    assertBadOrder(order(c).without("order_title"), "order_title");
    assertBadOrder(order(c).without("order_time"), "order_time");
    assertBadOrder(order(c).put("order_time", "2024-05-21"), "order_time");
    assertBadOrder(order(c).put("order_type", "online"), "order_type");
    ObjectNode noQuantity = order(c);
    noQuantity.putArray("order_items").addObject().put("product_id", "1");
    assertBadOrder(noQuantity, "order_items[0].quantity");
    ObjectNode unknownProduct = order(c);
    var lines = unknownProduct.putArray("order_items");
    lines.addObject().put("product_id", "1").put("quantity", 1);
    lines.addObject().put("product_id", "987654").put("quantity", 1);
    assertBadOrder(unknownProduct, "order_items[1].product_id");
    assertBadOrder(order(c).put("lead_affiliate_id", "987654"), "lead_affiliate_id");
  }

  @Test
  void itemsNeedAQuantityOfOneAndAProductForProductTypes() {
    String id = FIX.api().post("/orders", order(someContact())).json().get("id").asText();
    assertBadItem(id, TestHttp.obj().put("product_id", "1").put("quantity", 0), "quantity");
    assertBadItem(id, TestHttp.obj().put("product_id", "1"), "quantity");
    assertBadItem(id, TestHttp.obj().put("quantity", 1), "product_id");
    assertBadItem(
        id, TestHttp.obj().put("item_type", "SUBSCRIPTION").put("quantity", 1), "product_id");
    assertBadItem(id, TestHttp.obj().put("product_id", "987654").put("quantity", 1), "product_id");
    assertBadItem(
        id,
        TestHttp.obj().put("product_id", "1").put("quantity", 1).put("item_type", "GIFT"),
        "item_type");
    assertBadItem(
        id,
        TestHttp.obj().put("product_id", "1").put("quantity", 1).put("price_per_unit", -1),
        "price_per_unit");
    assertBadItem(id, TestHttp.obj().put("item_type", "FEE").put("quantity", 1), "name");
    assertBadItem(
        id, TestHttp.obj().put("product_id", "1").put("quantity", 1).put("name", "  "), "name");
    String priceless = product(Long.MAX_VALUE / 2 + 1);
    assertBadItem(id, TestHttp.obj().put("product_id", priceless).put("quantity", 2), "quantity");
    assertThat(FIX.api().get("/orders/" + id).json().get("order_items")).isEmpty();
  }

  @Test
  void subscriptionItemsCarryTheProductsPlan() {
    String membership = FIX.api()
        .get("/products?" + filter("sku==MEMB-MON"))
        .json()
        .at("/products/0/id")
        .asText();
    String planId = FIX.api()
        .get("/products/" + membership)
        .json()
        .at("/subscription_plans/1/id")
        .asText();
    String id = FIX.api().post("/orders", order(someContact())).json().get("id").asText();
    assertBadItem(
        id,
        TestHttp.obj()
            .put("product_id", membership)
            .put("quantity", 1)
            .put("item_type", "SUBSCRIPTION"),
        "subscription_plan_id");
    TestHttp.Reply r = FIX.api()
        .post(
            "/orders/" + id + "/items",
            TestHttp.obj()
                .put("product_id", membership)
                .put("quantity", 1)
                .put("item_type", "SUBSCRIPTION")
                .put("subscription_plan_id", planId));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().at("/subscription_plan/id").asText()).isEqualTo(planId);
    assertThat(r.json().at("/subscription_plan/cycle_type").asText()).isEqualTo("YEARLY");
  }

  private static void assertBadOrder(ObjectNode body, String field) {
    TestHttp.Reply r = FIX.api().post("/orders", body);
    assertThat(r.status()).as(body.toString()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo(field);
  }

  private static void assertBadItem(String orderId, ObjectNode body, String field) {
    TestHttp.Reply r = FIX.api().post("/orders/" + orderId + "/items", body);
    assertThat(r.status()).as(body.toString()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo(field);
  }

  @Test
  void unknownOrderIs404ForGetAndForAddingItems() {
    assertThat(FIX.api().get("/orders/999999").status()).isEqualTo(404);
    TestHttp.Reply r = FIX.api()
        .post("/orders/999999/items", TestHttp.obj().put("product_id", "1").put("quantity", 1));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().at("/details/0/domain").asText()).isEqualTo("order");
  }

  @Test
  void contactMustExistAndIsSummarisedFromItsRow() {
    assumeTrue(CrmTestSupport.contactsEmulated(FIX.api()), "needs the contacts module");
    String c = CrmTestSupport.contactId(FIX, "Ida", "Wells", "ida@example.com");
    JsonNode o = FIX.api().post("/orders", order(c)).json();
    assertThat(o.at("/contact/id").asText()).isEqualTo(c);
    assertThat(o.at("/contact/given_name").asText()).isEqualTo("Ida");
    assertThat(o.at("/contact/family_name").asText()).isEqualTo("Wells");
    assertThat(o.at("/contact/email").asText()).isEqualTo("ida@example.com");
    TestHttp.Reply r = FIX.api().post("/orders", order("987654"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("contact_id");
  }

  @Test
  void filtersByContactProductAndPaidAndOrdersByOrderTime() {
    String c = CrmTestSupport.contactId(FIX, "Filter", "Person", "filter@example.com");
    String p = product(777);
    ObjectNode early = order(c).put("order_time", "2021-01-01T00:00:00Z");
    early.putArray("order_items").addObject().put("product_id", p).put("quantity", 1);
    String earlyId = FIX.api().post("/orders", early).json().get("id").asText();
    String lateId = FIX.api()
        .post("/orders", order(c).put("order_time", "2023-01-01T00:00:00Z"))
        .json()
        .get("id")
        .asText();

    JsonNode byProduct =
        FIX.api().get("/orders?" + filter("product_id==" + p)).json().get("orders");
    assertThat(ids(byProduct)).containsExactly(earlyId);

    JsonNode byContact = FIX.api()
        .get("/orders?" + filter("contact_id==" + c + ";id>=" + earlyId) + "&"
            + orderBy("order_time desc"))
        .json()
        .get("orders");
    assertThat(ids(byContact)).containsExactly(lateId, earlyId);

    JsonNode paid = FIX.api().get("/orders?" + filter("paid==true")).json().get("orders");
    assertThat(paid).isNotEmpty();
    paid.forEach(o -> assertThat(o.get("status").asText()).isEqualTo("PAID"));

    List<Long> times = new ArrayList<>();
    FIX.api()
        .get("/orders?" + orderBy("order_time asc"))
        .json()
        .get("orders")
        .forEach(
            o -> times.add(java.time.Instant.parse(o.get("order_time").asText()).toEpochMilli()));
    assertThat(times).hasSizeGreaterThanOrEqualTo(2).isSorted();

    assertThat(FIX.api()
            .get("/orders?" + filter("order_type==ELSEWHERE"))
            .json()
            .at("/details/0/resource")
            .asText())
        .isEqualTo("order_type");
    assertThat(FIX.api().get("/orders?" + filter("status==PAID")).status()).isEqualTo(400);
  }

  @Test
  void seededOrdersHaveItemsAndConsistentTotals() {
    JsonNode orders = FIX.api().get("/orders?" + filter("id<=6")).json().get("orders");
    assertThat(orders).hasSize(6);
    for (JsonNode o : orders) {
      long sum = 0;
      for (JsonNode item : o.get("order_items")) {
        sum += item.get("quantity").asLong() * item.at("/price_per_unit/amount").asLong();
      }
      assertThat(o.get("order_items")).isNotEmpty();
      assertThat(o.at("/total/amount").asLong()).as(o.toString()).isEqualTo(sum);
      assertThat(o.at("/total_due/amount").asLong() + o.at("/total_paid/amount").asLong())
          .isEqualTo(sum);
    }
  }

  private static List<String> ids(JsonNode items) {
    return CrmTestSupport.ids(items);
  }
}
