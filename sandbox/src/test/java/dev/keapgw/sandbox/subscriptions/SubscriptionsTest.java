package dev.keapgw.sandbox.subscriptions;

import static dev.keapgw.sandbox.CrmTestSupport.filter;
import static dev.keapgw.sandbox.CrmTestSupport.orderBy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubscriptionsTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  @Test
  void listsSeededSubscriptionsToSeededPlans() {
    TestHttp.Reply r = FIX.api().get("/subscriptions");
    assertThat(r.status()).isEqualTo(200);
    JsonNode subs = r.json().get("subscriptions");
    assertThat(subs).hasSize(4);
    assertThat(r.json().get("next_page_token").asText()).isEmpty();
    for (JsonNode s : subs) {
      JsonNode product =
          FIX.api().get("/products/" + s.get("product_id").asText()).json();
      List<String> planIds = new ArrayList<>();
      product.get("subscription_plans").forEach(p -> planIds.add(p.get("id").asText()));
      assertThat(planIds).contains(s.get("subscription_plan_id").asText());
      assertThat(s.get("billing_cycle").asText()).isIn("YEAR", "MONTH", "WEEK", "DAY");
      assertThat(LocalDate.parse(s.get("start_date").asText()))
          .isBefore(LocalDate.parse(s.get("last_bill_date").asText()).plusDays(1));
      assertThat(s.get("billing_amount").isNumber()).isTrue();
    }
  }

  @Test
  void getsOneAnd404sAnUnknownOne() {
    TestHttp.Reply r = FIX.api().get("/subscriptions/2");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("id").asText()).isEqualTo("2");
    assertThat(r.json().get("quantity").asLong()).isEqualTo(1);
    assertThat(FIX.api().get("/subscriptions/999").status()).isEqualTo(404);
    assertThat(
            FIX.api().get("/subscriptions/999").json().at("/details/0/domain").asText())
        .isEqualTo("subscription");
  }

  @Test
  void filtersByStatusAmountAndIds() {
    JsonNode inactive =
        FIX.api().get("/subscriptions?" + filter("status==inactive")).json().get("subscriptions");
    assertThat(inactive).hasSize(1);
    assertThat(inactive.get(0).get("active").asBoolean()).isFalse();
    assertThat(inactive.get(0).get("reason_stopped").asText()).isNotBlank();

    JsonNode big =
        FIX.api().get("/subscriptions?" + filter("billing_amount>50")).json().get("subscriptions");
    assertThat(big).isNotEmpty();
    big.forEach(s -> assertThat(s.get("billing_amount").asDouble()).isGreaterThan(50));

    JsonNode some =
        FIX.api().get("/subscriptions?" + filter("ids==1,3")).json().get("subscriptions");
    assertThat(some).hasSize(2);
    assertThat(FIX.api()
            .get("/subscriptions?" + filter("status==paused"))
            .json()
            .at("/details/0/resource")
            .asText())
        .isEqualTo("status");
  }

  @Test
  void ordersByContactIdNumerically() {
    List<Long> contactIds = new ArrayList<>();
    FIX.api()
        .get("/subscriptions?" + orderBy("contact_id desc"))
        .json()
        .get("subscriptions")
        .forEach(s -> contactIds.add(s.get("contact_id").asLong()));
    assertThat(contactIds).hasSize(4).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(FIX.api().get("/subscriptions?" + orderBy("billing_amount asc")).status())
        .isEqualTo(400);
  }
}
