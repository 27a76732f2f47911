package dev.keapgw.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.SandboxFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every seed operation, exercised over real HTTP against the seeded sandbox: the request the
 * test sends and the answer the sandbox gives must both keep Keap's spec. The table of how
 * each operation is exercised lives in the {@code *Operations} classes, one per area.
 */
class SeedOperationsContractTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static final SpecContract SPEC = SpecContract.keap();

  /** The 57 seed operations, as method and spec path. */
  private static final List<String> SEED_OPERATIONS = List.of(
      "GET /rest/v2/oauth/connect/userinfo",
      "GET /rest/v2/users",
      "GET /rest/v2/users/{user_id}",
      "GET /rest/v2/contacts",
      "POST /rest/v2/contacts",
      "GET /rest/v2/contacts/{contact_id}",
      "PATCH /rest/v2/contacts/{contact_id}",
      "DELETE /rest/v2/contacts/{contact_id}",
      "GET /rest/v2/contacts/{contact_id}/notes",
      "POST /rest/v2/contacts/{contact_id}/notes",
      "GET /rest/v2/tags",
      "POST /rest/v2/tags",
      "GET /rest/v2/tags/{tag_id}",
      "PATCH /rest/v2/tags/{tag_id}",
      "DELETE /rest/v2/tags/{tag_id}",
      "GET /rest/v2/tags/{tag_id}/contacts",
      "POST /rest/v2/tags/{tag_id}/contacts:applyTags",
      "POST /rest/v2/tags/{tag_id}/contacts:removeTags",
      "GET /rest/v2/tags/categories",
      "POST /rest/v2/tags/categories",
      "GET /rest/v2/companies",
      "POST /rest/v2/companies",
      "GET /rest/v2/companies/{company_id}",
      "PATCH /rest/v2/companies/{company_id}",
      "DELETE /rest/v2/companies/{company_id}",
      "GET /rest/v2/tasks",
      "POST /rest/v2/tasks",
      "GET /rest/v2/tasks/{task_id}",
      "PATCH /rest/v2/tasks/{task_id}",
      "DELETE /rest/v2/tasks/{task_id}",
      "GET /rest/v2/opportunities",
      "POST /rest/v2/opportunities",
      "GET /rest/v2/opportunities/stages",
      "GET /rest/v2/opportunities/{opportunity_id}",
      "PATCH /rest/v2/opportunities/{opportunity_id}",
      "DELETE /rest/v2/opportunities/{opportunity_id}",
      "GET /rest/v2/products",
      "POST /rest/v2/products",
      "GET /rest/v2/products/{product_id}",
      "GET /rest/v2/orders",
      "POST /rest/v2/orders",
      "GET /rest/v2/orders/{order_id}",
      "POST /rest/v2/orders/{order_id}/items",
      "GET /rest/v2/subscriptions",
      "GET /rest/v2/subscriptions/{subscription_id}",
      "GET /rest/v2/affiliates",
      "GET /rest/v2/affiliates/{id}",
      "GET /rest/v2/campaigns",
      "GET /rest/v2/campaigns/{campaign_id}",
      "GET /rest/v2/campaigns/{campaign_id}/sequences",
      "POST /rest/v2/campaigns/{campaign_id}/sequences/{sequence_id}:addContacts",
      "POST /rest/v2/campaigns/{campaign_id}/sequences/{sequence_id}:removeContacts",
      "GET /rest/v2/emails",
      "GET /rest/v2/emails/{id}",
      "POST /rest/v2/emails:send",
      "GET /rest/v2/automations",
      "GET /rest/v2/automations/{automation_id}");

  static Stream<SeedCall> table() {
    return Stream.of(
            UserOperations.all(),
            ContactOperations.all(),
            CrmOperations.all(),
            CommerceOperations.all(),
            MarketingOperations.all())
        .flatMap(List::stream);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void requestAndAnswerKeepTheSpec(SeedCall row) {
    SpecOperation operation = SPEC.operation(row.method(), row.specPath());
    Exchange exchange;
    try {
      exchange = row.exercise().apply(new SeedData(FIX.api()));
    } catch (AssertionError setupFailed) {
      throw new AssertionError(operation + ": " + setupFailed.getMessage(), setupFailed);
    }
    operation.assertConforms(exchange);
  }

  @Test
  void theTableCoversExactlyTheSeedOperationsAndEachIsInTheSpec() {
    assertThat(SEED_OPERATIONS).hasSize(57).doesNotHaveDuplicates();
    List<String> missingFromSpec = new ArrayList<>();
    for (String op : SEED_OPERATIONS) {
      String[] methodAndPath = op.split(" ", 2);
      if (SPEC.find(methodAndPath[0], methodAndPath[1]).isEmpty()) {
        missingFromSpec.add(op);
      }
    }
    assertThat(missingFromSpec).as("seed operations the spec does not have").isEmpty();
    List<String> rows = table().map(SeedCall::key).toList();
    assertThat(rows)
        .as("rows of the operation table")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(SEED_OPERATIONS);
  }
}
