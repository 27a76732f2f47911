package dev.keapgw.sandbox.resthooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The subscription API and Keap's X-Hook-Secret handshake, against receivers on loopback. */
class HookHandshakeTest {
  @RegisterExtension
  static final SandboxFixture SANDBOX = new SandboxFixture();

  private final List<HookReceiver> receivers = new ArrayList<>();

  @AfterEach
  void closeReceivers() {
    receivers.forEach(HookReceiver::close);
  }

  private HookReceiver receiver() {
    HookReceiver r = new HookReceiver();
    receivers.add(r);
    return r;
  }

  static TestHttp v1(SandboxFixture fixture) {
    return TestHttp.bearer(fixture.baseUrl() + "/crm/rest/v1", fixture.apiKey());
  }

  static Map<String, String> subscription(String eventKey, String hookUrl) {
    return Map.of("eventKey", eventKey, "hookUrl", hookUrl);
  }

  @Test
  void eventKeysAreKeapsNounVerbKeys() {
    TestHttp.Reply r = v1(SANDBOX).get("/hooks/event_keys");
    assertThat(r.status()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    r.json().forEach(k -> keys.add(k.asText()));
    assertThat(keys)
        .contains(
            "contact.add",
            "contact.edit",
            "contact.delete",
            "contactGroup.applied",
            "contactGroup.removed",
            "opportunity.add",
            "order.add");
    assertThat(keys).allMatch(k -> k.matches("[a-zA-Z]+(\\.[a-z_]+)+"));
  }

  @Test
  void aReceiverThatEchoesTheSecretMakesTheHookVerified() {
    HookReceiver receiver = receiver();
    TestHttp.Reply created =
        v1(SANDBOX).post("/hooks", subscription("contact.add", receiver.url()));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode hook = created.json();
    assertThat(hook.path("status").asText()).isEqualTo("Verified");
    assertThat(hook.path("eventKey").asText()).isEqualTo("contact.add");
    assertThat(hook.path("hookUrl").asText()).isEqualTo(receiver.url());
    assertThat(hook.has("secret")).isFalse();
    HookReceiver.Received handshake = receiver.nextHandshake();
    assertThat(handshake.secret()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(handshake.body()).isEmpty();

    String key = hook.path("key").asText();
    assertThat(v1(SANDBOX).get("/hooks/" + key).json().path("status").asText())
        .isEqualTo("Verified");
    List<String> listed = new ArrayList<>();
    v1(SANDBOX).get("/hooks").json().forEach(h -> listed.add(h.path("key").asText()));
    assertThat(listed).contains(key);
  }

  @Test
  void withoutTheEchoTheHookStaysUnverifiedUntilDelayedVerifySendsTheSecret() {
    HookReceiver receiver = receiver().echo(false);
    JsonNode hook =
        v1(SANDBOX).post("/hooks", subscription("contact.edit", receiver.url())).json();
    assertThat(hook.path("status").asText()).isEqualTo("Unverified");
    String secret = receiver.nextHandshake().secret();
    String key = hook.path("key").asText();

    TestHttp.Reply missing =
        v1(SANDBOX).send("POST", "/hooks/" + key + "/delayedVerify", null, null);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(delayedVerify(key, "not-" + secret).status()).isEqualTo(400);
    assertThat(v1(SANDBOX).get("/hooks/" + key).json().path("status").asText())
        .isEqualTo("Unverified");

    TestHttp.Reply verified = delayedVerify(key, secret);
    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
    assertThat(verified.json().path("status").asText()).isEqualTo("Verified");
    assertThat(v1(SANDBOX).get("/hooks/" + key).json().path("status").asText())
        .isEqualTo("Verified");
  }

  @Test
  void verifyRunsTheHandshakeAgainWithANewSecret() {
    HookReceiver receiver = receiver().echo(false);
    String key = v1(SANDBOX)
        .post("/hooks", subscription("order.add", receiver.url()))
        .json()
        .path("key")
        .asText();
    String first = receiver.nextHandshake().secret();

    receiver.echo(true);
    TestHttp.Reply verified = v1(SANDBOX).send("POST", "/hooks/" + key + "/verify", null, null);
    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
    assertThat(verified.json().path("status").asText()).isEqualTo("Verified");
    String second = receiver.nextHandshake().secret();
    assertThat(second).isNotEqualTo(first);
    assertThat(delayedVerify(key, first).status())
        .as("an old secret no longer verifies")
        .isEqualTo(400);
  }

  @Test
  void aChangedHookIsVerifiedAgainAtItsNewUrl() {
    HookReceiver before = receiver();
    HookReceiver after = receiver().echo(false);
    String key = v1(SANDBOX)
        .post("/hooks", subscription("contact.add", before.url()))
        .json()
        .path("key")
        .asText();
    before.nextHandshake();

    TestHttp.Reply changed = v1(SANDBOX)
        .send(
            "PUT",
            "/hooks/" + key,
            "application/json",
            "{\"eventKey\":\"contact.delete\",\"hookUrl\":\"" + after.url() + "\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().path("status").asText()).isEqualTo("Unverified");
    assertThat(changed.json().path("eventKey").asText()).isEqualTo("contact.delete");
    assertThat(changed.json().path("hookUrl").asText()).isEqualTo(after.url());
    assertThat(after.nextHandshake().secret()).isNotBlank();
  }

  @Test
  void anUnreachableHookUrlLeavesTheHookUnverified() {
    HookReceiver gone = receiver();
    String url = gone.url();
    gone.close();
    JsonNode hook = v1(SANDBOX).post("/hooks", subscription("contact.add", url)).json();
    assertThat(hook.path("status").asText()).isEqualTo("Unverified");
  }

  @Test
  void deleteRemovesTheHook() {
    HookReceiver receiver = receiver();
    String key = v1(SANDBOX)
        .post("/hooks", subscription("contact.add", receiver.url()))
        .json()
        .path("key")
        .asText();
    assertThat(v1(SANDBOX).delete("/hooks/" + key).status()).isEqualTo(204);
    assertThat(v1(SANDBOX).get("/hooks/" + key).status()).isEqualTo(404);
    assertThat(v1(SANDBOX).delete("/hooks/" + key).status()).isEqualTo(404);
  }

  @Test
  void badRequestsAnswer400InKeapsEnvelope() {
    HookReceiver receiver = receiver();
    TestHttp.Reply unknownKey =
        v1(SANDBOX).post("/hooks", subscription("contact.explode", receiver.url()));
    assertThat(unknownKey.status()).isEqualTo(400);
    assertThat(unknownKey.json().path("details").get(0).path("resource").asText())
        .isEqualTo("eventKey");

    TestHttp.Reply relative = v1(SANDBOX).post("/hooks", subscription("contact.add", "/events"));
    assertThat(relative.status()).isEqualTo(400);
    assertThat(relative.json().path("details").get(0).path("resource").asText())
        .isEqualTo("hookUrl");

    assertThat(v1(SANDBOX).post("/hooks", Map.of("eventKey", "contact.add")).status())
        .isEqualTo(400);
    assertThat(v1(SANDBOX).send("POST", "/hooks", "application/json", "[]").status())
        .isEqualTo(400);
    assertThat(receiver.drainDeliveries()).isEmpty();
  }

  @Test
  void hooksBelongToTheirTenantAndNeedCredentials() {
    HookReceiver receiver = receiver();
    String key = v1(SANDBOX)
        .post("/hooks", subscription("contact.add", receiver.url()))
        .json()
        .path("key")
        .asText();
    String otherKey = SANDBOX
        .sandbox()
        .context()
        .credentials()
        .issueApiKey(Sandbox.tenantId(2), "1")
        .token();
    TestHttp other = TestHttp.bearer(SANDBOX.baseUrl() + "/crm/rest/v1", otherKey);

    assertThat(other.get("/hooks/" + key).status()).isEqualTo(404);
    assertThat(other.delete("/hooks/" + key).status()).isEqualTo(404);
    List<String> othersHooks = new ArrayList<>();
    other.get("/hooks").json().forEach(h -> othersHooks.add(h.path("key").asText()));
    assertThat(othersHooks).doesNotContain(key);
    assertThat(v1(SANDBOX).get("/hooks/" + key).status()).isEqualTo(200);

    TestHttp anonymous = new TestHttp(SANDBOX.baseUrl() + "/crm/rest/v1", Map.of());
    assertThat(anonymous.get("/hooks").status()).isEqualTo(401);
  }

  private TestHttp.Reply delayedVerify(String key, String secret) {
    TestHttp withSecret = new TestHttp(
        SANDBOX.baseUrl() + "/crm/rest/v1",
        Map.of("Authorization", "Bearer " + SANDBOX.apiKey(), "X-Hook-Secret", secret));
    return withSecret.send("POST", "/hooks/" + key + "/delayedVerify", null, null);
  }
}
