package dev.keapgw.sandbox.tags;

import static dev.keapgw.sandbox.CrmTestSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.contract.SpecContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TagsTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static List<String> names(JsonNode page, String key) {
    List<String> out = new ArrayList<>();
    page.get(key).forEach(t -> out.add(t.get("name").asText()));
    return out;
  }

  private static String rejectedField(TestHttp.Reply r) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    return r.json().at("/details/0/resource").asText();
  }

  @Test
  void seededTagsAndCategoriesAreListed() {
    JsonNode tags = FIX.api().get("/tags").json();
    assertThat(tags.get("tags").size()).isGreaterThanOrEqualTo(10);
    assertThat(tags.get("next_page_token").asText()).isEmpty();
    JsonNode cats = FIX.api().get("/tags/categories").json();
    assertThat(names(cats, "tag_categories"))
        .contains("Lead Source", "Customer Status", "Interests");
  }

  @Test
  void createGetPatchAndDeleteATag() {
    String cat = FIX.api()
        .post("/tags/categories", Map.of("name", "Events " + System.nanoTime()))
        .json()
        .get("id")
        .asText();
    TestHttp.Reply created = FIX.api()
        .post(
            "/tags",
            Map.of("name", "Gold", "description", "Gold members", "category", Map.of("id", cat)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode t = created.json();
    String id = t.get("id").asText();
    assertThat(t.at("/category/id").asText()).isEqualTo(cat);
    assertThat(t.get("create_time").asText()).endsWith("Z");
    assertThat(FIX.api().get("/tags/" + id).json()).isEqualTo(t);

    JsonNode renamed =
        FIX.api().patch("/tags/" + id, Map.of("name", "Platinum")).json();
    assertThat(renamed.get("name").asText()).isEqualTo("Platinum");
    assertThat(renamed.get("description").asText()).isEqualTo("Gold members");
    assertThat(renamed.at("/category/id").asText()).isEqualTo(cat);

    JsonNode masked = FIX.api()
        .patch("/tags/" + id + "?update_mask=category", Map.of("name", "Ignored"))
        .json();
    assertThat(masked.get("name").asText()).isEqualTo("Platinum");
    assertThat(masked.has("category")).isFalse();

    assertThat(FIX.api().delete("/tags/" + id).status()).isEqualTo(204);
    assertThat(FIX.api().get("/tags/" + id).status()).isEqualTo(404);
    assertThat(FIX.api().delete("/tags/" + id).status()).isEqualTo(404);
  }

  @Test
  void tagRulesNameTheField() {
    assertThat(rejectedField(FIX.api().post("/tags", Map.of("description", "no name"))))
        .isEqualTo("name");
    assertThat(rejectedField(
            FIX.api().post("/tags", Map.of("name", "X", "category", Map.of("id", "999")))))
        .isEqualTo("category.id");
    assertThat(rejectedField(FIX.api().post("/tags", Map.of("name", 12)))).isEqualTo("name");
    assertThat(rejectedField(FIX.api().patch("/tags/1?update_mask=colour", Map.of("name", "x"))))
        .isEqualTo("update_mask");
    assertThat(FIX.api().post("/tags", "{").status()).isEqualTo(400);
    assertThat(FIX.api().patch("/tags/424242", Map.of("name", "x")).status()).isEqualTo(404);
    JsonNode longName = FIX.api().post("/tags", Map.of("name", "n".repeat(300))).json();
    assertThat(longName.get("name").asText()).hasSize(255);
  }

  @Test
  void tagFiltersAndOrders() {
    assertThat(names(FIX.api().get("/tags?filter=" + q("name==vip customer")).json(), "tags"))
        .containsExactly("VIP Customer");
    JsonNode uncategorised =
        FIX.api().get("/tags?page_size=1000&filter=" + q("category_id==NONE")).json();
    uncategorised.get("tags").forEach(t -> assertThat(t.has("category")).isFalse());
    assertThat(names(uncategorised, "tags")).contains("Nurture Subscriber", "Do Not Call");
    assertThat(names(FIX.api().get("/tags?filter=" + q("tag_ids==1,2")).json(), "tags"))
        .hasSize(2);
    List<String> sorted =
        names(FIX.api().get("/tags?page_size=1000&order_by=" + q("name asc")).json(), "tags");
    assertThat(sorted).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    assertThat(rejectedField(FIX.api().get("/tags?filter=" + q("colour==red"))))
        .isEqualTo("colour");
    assertThat(rejectedField(FIX.api().get("/tags?filter=" + q("since_create_time==yesterday"))))
        .isEqualTo("since_create_time");
  }

  @Test
  void categoriesNeedAUniqueName() {
    String name = "Seasons " + System.nanoTime();
    TestHttp.Reply created = FIX.api()
        .post("/tags/categories", Map.of("name", name, "description", "Winter and summer"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("description").asText()).isEqualTo("Winter and summer");
    TestHttp.Reply again = FIX.api().post("/tags/categories", Map.of("name", name.toUpperCase()));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().at("/details/0/resource").asText()).isEqualTo("name");
    assertThat(rejectedField(FIX.api().post("/tags/categories", Map.of("description", "nameless"))))
        .isEqualTo("name");
    assertThat(names(
            FIX.api().get("/tags/categories?filter=" + q("name==" + name)).json(),
            "tag_categories"))
        .containsExactly(name);
  }

  @Test
  void answersMatchTheSpecSchemas() {
    assertThat(
            SpecContract.keap().schemaViolations("Tag", FIX.api().get("/tags/1").body()))
        .isEmpty();
    assertThat(SpecContract.keap()
            .schemaViolations("ListTagsResponse", FIX.api().get("/tags").body()))
        .isEmpty();
    assertThat(SpecContract.keap()
            .schemaViolations(
                "TagCategory",
                FIX.api()
                    .post("/tags/categories", Map.of("name", "Shape " + System.nanoTime()))
                    .body()))
        .isEmpty();
    assertThat(SpecContract.keap()
            .schemaViolations(
                "ListTagCategoriesResponse", FIX.api().get("/tags/categories").body()))
        .isEmpty();
  }
}
