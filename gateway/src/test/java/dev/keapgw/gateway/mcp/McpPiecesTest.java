package dev.keapgw.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.gateway.mcp.catalog.ActionCatalog;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The endpoint's small pieces, without sockets. */
@Tag("unit")
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
  void onlyTheGatewaysOwnEnvelopeWithThisRequestIdAndAnErrorStatusCountsAsAGatewayError() {
    String gateway =
        "{\"error\":{\"status\":400,\"type\":\"no_active_connection\",\"message\":\"m\","
            + "\"request_id\":\"r-1\"}}";
    assertThat(read(400, gateway, "r-1").gatewayError()).isNotNull();
    assertThat(read(400, gateway, "r-1").gatewayError().at("/error/type").asText())
        .isEqualTo("no_active_connection");
    assertThat(read(400, gateway, "r-2").gatewayError()).isNull();
    assertThat(read(200, gateway, "r-1").gatewayError())
        .as("a 2xx is never the gateway's envelope")
        .isNull();
    AnswerJson keap = read(404, "{\"code\":404,\"message\":\"x\",\"status\":\"NOT_FOUND\"}", "r-1");
    assertThat(keap.gatewayError()).isNull();
    assertThat(keap.appError()).isTrue();
    assertThat(read(500, "", "r-1").gatewayError()).isNull();
    assertThat(read(502, "not json", "r-1").gatewayError()).isNull();
  }

  @Test
  void anAnswersBodyGoesIntoTheResultAsItCameWhenItIsOneJsonValueElseAsAString() throws Exception {
    String contacts =
        "{\"contacts\": [{\"id\": 1, \"given_name\": \"Ada \\u00e9\"}], \"next_page_token\": null}";
    assertThat(read(200, contacts, "r").body()).isEqualTo(contacts);
    assertThat(read(200, "  [1, 2]\n", "r").body()).isEqualTo("  [1, 2]\n");
    assertThat(read(404, contacts, "r").body()).isEqualTo(contacts);
    assertThat(read(204, "", "r").body()).isEqualTo("null");
    // not one well-formed value: the text, as a JSON string, so the result stays valid JSON
    assertThat(read(200, "{\"a\":1} trailing", "r").body()).isEqualTo("\"{\\\"a\\\":1} trailing\"");
    assertThat(read(200, "{\"a\":1}{\"b\":2}", "r").body()).startsWith("\"");
    assertThat(read(200, "{\"a\":", "r").body()).isEqualTo("\"{\\\"a\\\":\"");
    assertThat(read(502, "<html>Bad Gateway</html>", "r").body())
        .isEqualTo("\"<html>Bad Gateway</html>\"");
    assertThat(read(500, "{\"a\":1} x", "r").body()).startsWith("\"");
    assertThat(read(200, "   ", "r").body()).isEqualTo("\"   \"");
    byte[] bom = "\uFEFF{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    assertThat(AnswerJson.read(new DataPlane.Answer(200, "application/json", bom), "r")
            .body())
        .isEqualTo("{\"a\":1}");
    // whatever came, the result is one JSON object with the status and the body
    for (String body :
        List.of(contacts, "", "{\"a\":1} trailing", "<html>", "\"x\"", "12", "{\"a\":")) {
      for (int status : List.of(200, 404)) {
        JsonNode result = new ObjectMapper()
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readTree(read(status, body, "r").result());
        assertThat(result.path("status").asInt()).isEqualTo(status);
        assertThat(result.has("body")).isTrue();
      }
    }
  }

  @Test
  void aResultsStructuredContentIsItsJsonAsItIsInTheSdksMessage() throws Exception {
    String json = "{\"status\":200,\"body\":{\"contacts\": [ {\"id\":1} ]}}";
    var result = ToolResults.json(json, false, null);
    String message = McpJsonDefaults.getMapper().writeValueAsString(result);
    JsonNode tree = new ObjectMapper().readTree(message);
    assertThat(tree.path("structuredContent")).isEqualTo(new ObjectMapper().readTree(json));
    assertThat(tree.at("/content/0/text").asText()).isEqualTo(json);
    assertThat(new ArgumentValidator((schema, value) -> {
              throw new AssertionError("a result of the gateway's making is not validated again");
            })
            .validate(Map.of(), result.structuredContent())
            .valid())
        .isTrue();
  }

  private static AnswerJson read(int status, String body, String requestId) {
    return AnswerJson.read(
        new DataPlane.Answer(status, "application/json", body.getBytes(StandardCharsets.UTF_8)),
        requestId);
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
