package dev.keapgw.sandbox.affiliates;

import static dev.keapgw.sandbox.CrmTestSupport.filter;
import static dev.keapgw.sandbox.CrmTestSupport.orderBy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AffiliatesTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  @Test
  void listsSeededAffiliates() {
    TestHttp.Reply r = FIX.api().get("/affiliates");
    assertThat(r.status()).isEqualTo(200);
    JsonNode all = r.json().get("affiliates");
    assertThat(all).hasSize(3);
    for (JsonNode a : all) {
      assertThat(a.get("code").asText()).isNotBlank();
      assertThat(a.get("contact_id").asText()).matches("\\d+");
      assertThat(a.get("status").asText()).isIn("ACTIVE", "INACTIVE");
    }
    assertThat(all.get(2).get("parent_affiliate_id").asText())
        .isEqualTo(all.get(0).get("id").asText());
  }

  @Test
  void getsOneAnd404sAnUnknownOne() {
    TestHttp.Reply r = FIX.api().get("/affiliates/1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("id").asText()).isEqualTo("1");
    assertThat(r.json().get("date_created").asText()).endsWith("Z");
    assertThat(FIX.api().get("/affiliates/77").status()).isEqualTo(404);
  }

  @Test
  void filtersByNamePrefixStatusAndId() {
    JsonNode first = FIX.api().get("/affiliates/1").json();
    String prefix = first.get("name").asText().substring(0, 3).toLowerCase();
    List<String> byName =
        ids(FIX.api().get("/affiliates?" + filter("name==" + prefix + "*")).json());
    assertThat(byName).contains("1");

    JsonNode inactive =
        FIX.api().get("/affiliates?" + filter("status==INACTIVE")).json().get("affiliates");
    assertThat(inactive).hasSize(1);
    assertThat(inactive.get(0).get("status").asText()).isEqualTo("INACTIVE");

    assertThat(ids(FIX.api().get("/affiliates?" + filter("id>1")).json()))
        .containsExactly("2", "3");
    assertThat(ids(FIX.api()
            .get("/affiliates?" + filter("code==" + first.get("code").asText()))
            .json()))
        .containsExactly("1");
    assertThat(FIX.api().get("/affiliates?" + filter("status==GONE")).status()).isEqualTo(400);
  }

  @Test
  void ordersByCode() {
    List<String> codes = new ArrayList<>();
    FIX.api()
        .get("/affiliates?" + orderBy("code desc"))
        .json()
        .get("affiliates")
        .forEach(a -> codes.add(a.get("code").asText().toLowerCase()));
    assertThat(codes).hasSize(3).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("affiliates").forEach(a -> out.add(a.get("id").asText()));
    return out;
  }
}
