package dev.keapgw.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.gateway.mcp.catalog.ActionCatalog;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The endpoint's small pieces, without sockets. */
class McpPiecesTest {
  @Test
  void queryValuesAreEncodedAndListsRepeatTheParameter() {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("filter", "email==ada@example.com;given_name==A*");
    q.put("page_size", 10.0);
    q.put("active", true);
    q.put("fields", List.of("email_addresses", "tag_ids"));
    q.put("skipped", null);
    assertThat(QueryString.encode(q))
        .isEqualTo("filter=email%3D%3Dada%40example.com%3Bgiven_name%3D%3DA%2A"
            + "&page_size=10&active=true&fields=email_addresses&fields=tag_ids");
    assertThat(QueryString.component("a b/c~")).isEqualTo("a%20b%2Fc~");
    assertThatThrownBy(() -> QueryString.encode(Map.of("x", Map.of("nested", 1))))
        .isInstanceOf(ToolFailure.class)
        .hasMessageContaining("'x' must be a string, a number or a boolean");
  }

  @Test
  void pathParametersFillTheTemplateEncodedAndMissingOnesAreNamed() {
    var apply = ActionCatalog.keap().action("applyTags").orElseThrow();
    assertThat(ApiCalls.fill(apply, Map.of("tag_id", 93)))
        .isEqualTo("/keap/crm/rest/v2/tags/93/contacts:applyTags");
    assertThat(ApiCalls.fill(apply, Map.of("tag_id", "../admin")))
        .isEqualTo("/keap/crm/rest/v2/tags/..%2Fadmin/contacts:applyTags");
    assertThatThrownBy(() -> ApiCalls.fill(apply, Map.of()))
        .isInstanceOf(ToolFailure.class)
        .hasMessageContaining("path_params.tag_id is required by applyTags");
  }

  @Test
  void onlyTheGatewaysOwnEnvelopeWithThisRequestIdCountsAsAGatewayError() {
    byte[] gateway =
        "{\"error\":{\"status\":400,\"type\":\"no_active_connection\",\"message\":\"m\",\"request_id\":\"r-1\"}}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(LoopbackDataPlane.madeByGateway(gateway, "r-1")).isTrue();
    assertThat(LoopbackDataPlane.madeByGateway(gateway, "r-2")).isFalse();
    assertThat(LoopbackDataPlane.madeByGateway(
            "{\"code\":404,\"message\":\"x\",\"status\":\"NOT_FOUND\"}"
                .getBytes(StandardCharsets.UTF_8),
            "r-1"))
        .isFalse();
    assertThat(LoopbackDataPlane.madeByGateway(new byte[0], "r-1")).isFalse();
    assertThat(LoopbackDataPlane.madeByGateway("not json".getBytes(StandardCharsets.UTF_8), "r-1"))
        .isFalse();
  }

  @Test
  void hintsFollowTheMethod() {
    assertThat(McpTool.Hints.of("GET")).isEqualTo(new McpTool.Hints(true, false, true));
    assertThat(McpTool.Hints.of("POST")).isEqualTo(new McpTool.Hints(false, false, false));
    assertThat(McpTool.Hints.of("PATCH")).isEqualTo(new McpTool.Hints(false, true, false));
    assertThat(McpTool.Hints.of("PUT")).isEqualTo(new McpTool.Hints(false, true, true));
    assertThat(McpTool.Hints.of("DELETE")).isEqualTo(new McpTool.Hints(false, true, true));
  }

  @Test
  void everyTypedToolNamesAnOperationOfTheSpec() {
    TypedTools.TOOLS.forEach((tool, operation) ->
        assertThat(ActionCatalog.keap().action(operation)).as(tool).isPresent());
  }

  @Test
  void argumentsAreReadWithErrorsThatNameThem() {
    Args a = new Args(Map.of("n", 5, "s", 3, "o", List.of()));
    assertThat(a.integer("n", 10, 1, 50)).isEqualTo(5);
    assertThat(a.integer("absent", 10, 1, 50)).isEqualTo(10);
    assertThatThrownBy(() -> a.integer("n", 10, 6, 50))
        .hasMessageContaining("'n' must be a whole number from 6");
    assertThatThrownBy(() -> a.text("s")).hasMessageContaining("'s' must be a string");
    assertThatThrownBy(() -> a.object("o")).hasMessageContaining("'o' must be an object");
    assertThatThrownBy(() -> a.text("missing")).hasMessageContaining("'missing' is required");
  }
}
