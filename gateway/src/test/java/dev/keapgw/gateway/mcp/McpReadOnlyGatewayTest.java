package dev.keapgw.gateway.mcp;

import static dev.keapgw.gateway.mcp.McpClients.call;
import static dev.keapgw.gateway.mcp.McpClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A gateway started with --mcp-read-only: no writing tool is listed, and generic writes are refused. */
class McpReadOnlyGatewayTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(s -> s, g -> g.withMcpReadOnly(true));

  @Test
  void writesAreOffForEveryAccount() {
    AccountService.NewAccount alice = FIX.newAccount("alice");
    DirectConnections.activate(FIX, alice.account().id());
    McpSyncClient c = McpClients.connected(FIX.gateway().baseUrl(), alice.key().secret());
    assertThat(c.listTools().tools())
        .extracting(McpSchema.Tool::name)
        .contains("keap_list_contacts", "whoami", "run_action")
        .doesNotContain(
            "keap_create_contact", "keap_apply_tags", "create_connection", "delete_connection");
    McpSchema.CallToolResult write =
        call(c, "api", Map.of("method", "DELETE", "path", "/keap/crm/rest/v2/contacts/1"));
    assertThat(write.isError()).isTrue();
    assertThat(text(write)).contains("--mcp-read-only");
    assertThat(FIX.as(alice.key().secret()).get("/keap/crm/rest/v2/contacts/1").status())
        .isEqualTo(200);
    assertThat(call(c, "whoami", Map.of()).structuredContent().toString())
        .contains("read_only=true");
    c.close();
  }
}
