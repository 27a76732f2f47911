package dev.keapgw.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.mcp.catalog.Action;
import dev.keapgw.gateway.mcp.catalog.ActionCatalog;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Keap's actions as read from the bundled OpenAPI spec, and their search. */
@Tag("unit")
class ActionCatalogTest {
  private final ActionCatalog keap = ActionCatalog.keap();

  @Test
  void everyOperationOfTheSpecIsAnAction() {
    assertThat(keap.size()).isEqualTo(399);
    Action apply = keap.action("applyTags").orElseThrow();
    assertThat(apply.method()).isEqualTo("POST");
    assertThat(apply.path()).isEqualTo("/keap/crm/rest/v2/tags/{tag_id}/contacts:applyTags");
    assertThat(apply.pathParams()).extracting(Action.Param::name).containsExactly("tag_id");
    assertThat(apply.bodyRequired()).isTrue();
    // the body's schema stands alone: its reference and what that reaches travel in $defs
    assertThat(apply.body().path("$ref").asText()).isEqualTo("#/$defs/ApplyRemoveTagRequest");
    assertThat(apply
            .body()
            .path("$defs")
            .path("ApplyRemoveTagRequest")
            .path("properties")
            .has("contact_ids"))
        .isTrue();
    Action list = keap.action("listContacts").orElseThrow();
    assertThat(list.queryParams())
        .extracting(Action.Param::name)
        .contains("filter", "order_by", "page_size", "page_token");
    assertThat(list.readOnly()).isTrue();
  }

  @Test
  void applyTagToContactsFindsApplyTagsFirst() {
    List<Action> found = keap.search("apply tag to contacts", 5);
    assertThat(found).isNotEmpty();
    assertThat(found.get(0).name()).isEqualTo("applyTags");
    assertThat(found.get(0).method() + " " + found.get(0).path())
        .isEqualTo("POST /keap/crm/rest/v2/tags/{tag_id}/contacts:applyTags");
  }

  @Test
  void searchRanksByMeaningfulWords() {
    assertThat(keap.search("list contacts", 3).get(0).name()).isEqualTo("listContacts");
    assertThat(keap.search("remove tags from contacts", 3).get(0).name()).isEqualTo("removeTags");
    assertThat(keap.search("create a company", 3).get(0).name()).isEqualTo("createCompany");
    assertThat(keap.search("zzzz qqqq", 3)).isEmpty();
    assertThat(keap.search("contacts", 2)).hasSize(2);
  }
}
