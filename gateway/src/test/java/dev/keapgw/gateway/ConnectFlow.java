package dev.keapgw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.TestHttp;
import java.util.Map;

/**
 * Drives the hosted connect flow over HTTP the way a browser does, following each 302 by hand:
 * the connection's url, the sandbox's authorize page (auto-approving unless told to deny), and
 * the gateway's callback.
 */
public final class ConnectFlow {
  /** Each answer along the way; a step the chain did not reach is null. */
  public record Steps(TestHttp.Reply connect, TestHttp.Reply authorize, TestHttp.Reply callback) {}

  private static final TestHttp BROWSER = new TestHttp("", Map.of());

  private ConnectFlow() {}

  /** A new connection of {@code apiKey}'s account, authorized through the browser flow; asserts it is ACTIVE. */
  public static String connect(GatewayFixture fix, String apiKey) {
    JsonNode created = create(fix, apiKey);
    String id = created.path("connection_id").asText();
    Steps steps = open(created.path("url").asText());
    assertThat(steps.callback()).as("the flow reached the callback: %s", steps).isNotNull();
    assertThat(steps.callback().status()).as(steps.callback().body()).isEqualTo(200);
    JsonNode after = fix.as(apiKey).get("/connections/" + id).json().path("connection");
    assertThat(after.path("status").asText()).as(after.toString()).isEqualTo("ACTIVE");
    return id;
  }

  /**
   * Like {@link #connect(GatewayFixture, String)}, with the sandbox granting access to the tenant
   * {@code tenantId} (e.g. {@code Sandbox.tenantId(2)}); the sandbox's approval is reset after.
   */
  public static String connect(GatewayFixture fix, String apiKey, String tenantId) {
    TestHttp.Reply set = fix.sandboxControl()
        .send(
            "PUT",
            "/_sandbox/oauth/approval",
            "application/json",
            "{\"tenant_id\":\"" + tenantId + "\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    try {
      return connect(fix, apiKey);
    } finally {
      fix.sandboxControl().delete("/_sandbox/oauth/approval");
    }
  }

  /** {@code POST /connections {"app":"keap"}}: the new connection's JSON (asserts 201). */
  public static JsonNode create(GatewayFixture fix, String apiKey) {
    TestHttp.Reply r = fix.as(apiKey).post("/connections", Map.of("app", "keap"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("connection");
  }

  /** Opens a connect url (absolute) and follows the redirects until an answer is not a 302 or the callback answered. */
  public static Steps open(String url) {
    TestHttp.Reply connect = get(url);
    if (connect.status() != 302) {
      return new Steps(connect, null, null);
    }
    TestHttp.Reply authorize = get(connect.header("Location"));
    if (authorize.status() != 302) {
      return new Steps(connect, authorize, null);
    }
    return new Steps(connect, authorize, get(authorize.header("Location")));
  }

  /** A browser's GET of an absolute URL, without following redirects. */
  public static TestHttp.Reply get(String absoluteUrl) {
    return BROWSER.get(absoluteUrl);
  }
}
