package dev.keapgw.sandbox.resthooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Events fired by changes made through the v2 API, delivered to receivers on loopback, with
 * Keap's retry policy. The hook delay is 10 ms, so Keap's 30-60 s become 10-20 ms and its
 * whole retry schedule well under a second.
 */
class HookDeliveryTest {
  @RegisterExtension
  static final SandboxFixture SANDBOX =
      new SandboxFixture(SandboxFixture.testConfig().withHookDelay(Duration.ofMillis(10)));

  private final List<HookReceiver> receivers = new ArrayList<>();

  @AfterEach
  void removeHooksAndReceivers() {
    for (TestHttp v1 : List.of(v1(1), v1(2))) {
      v1.get("/hooks").json().forEach(h -> v1.delete("/hooks/" + h.path("key").asText()));
    }
    receivers.forEach(HookReceiver::close);
  }

  @Test
  void aContactCreatedEditedAndDeletedReachesTheReceiverAsThreeEvents() {
    HookReceiver receiver = receiver();
    for (String key : List.of("contact.add", "contact.edit", "contact.delete")) {
      subscribe(v1(1), key, receiver);
    }

    String id = SANDBOX
        .api()
        .post(
            "/contacts",
            Map.of(
                "given_name",
                "Hook",
                "email_addresses",
                List.of(Map.of("email", "hook.add@example.com"))))
        .json()
        .path("id")
        .asText();
    JsonNode added = receiver.nextDelivery().json();
    assertThat(added.path("event_key").asText()).isEqualTo("contact.add");
    assertThat(added.path("object_type").asText()).isEqualTo("contact");
    JsonNode object = onlyObject(added);
    assertThat(object.path("id").asLong()).isEqualTo(Long.parseLong(id));
    assertThat(object.path("timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    String apiUrl = object.path("apiUrl").asText();
    assertThat(apiUrl).isEqualTo(SANDBOX.baseUrl() + "/crm/rest/v2/contacts/" + id);
    TestHttp.Reply fetched = TestHttp.bearer(SANDBOX.baseUrl(), SANDBOX.apiKey())
        .get(apiUrl.substring(SANDBOX.baseUrl().length()));
    assertThat(fetched.json().path("given_name").asText()).isEqualTo("Hook");

    SANDBOX.api().patch("/contacts/" + id, Map.of("family_name", "Edited"));
    JsonNode edited = receiver.nextDelivery().json();
    assertThat(edited.path("event_key").asText()).isEqualTo("contact.edit");
    assertThat(onlyObject(edited).path("id").asLong()).isEqualTo(Long.parseLong(id));

    SANDBOX.api().delete("/contacts/" + id);
    JsonNode deleted = receiver.nextDelivery().json();
    assertThat(deleted.path("event_key").asText()).isEqualTo("contact.delete");
    assertThat(onlyObject(deleted).path("id").asLong()).isEqualTo(Long.parseLong(id));
    assertThat(onlyObject(deleted).path("apiUrl").asText()).isEmpty();
  }

  @Test
  void tagsAppliedAndRemovedAreContactGroupEventsNamingTheTagAndItsContacts() {
    HookReceiver receiver = receiver();
    subscribe(v1(1), "contactGroup.applied", receiver);
    subscribe(v1(1), "contactGroup.removed", receiver);
    String tag =
        SANDBOX.api().post("/tags", Map.of("name", "Hooked")).json().path("id").asText();

    SANDBOX
        .api()
        .post("/tags/" + tag + "/contacts:applyTags", Map.of("contact_ids", List.of("1", "2")));
    JsonNode applied = receiver.nextDelivery().json();
    assertThat(applied.path("event_key").asText()).isEqualTo("contactGroup.applied");
    assertThat(applied.path("object_type").asText()).isEqualTo("contactGroup");
    assertThat(onlyObject(applied).path("id").asLong()).isEqualTo(Long.parseLong(tag));
    assertThat(contactIds(onlyObject(applied))).containsExactly(1L, 2L);

    SANDBOX
        .api()
        .post("/tags/" + tag + "/contacts:removeTags", Map.of("contact_ids", List.of("2", "3")));
    JsonNode removed = receiver.nextDelivery().json();
    assertThat(removed.path("event_key").asText()).isEqualTo("contactGroup.removed");
    assertThat(contactIds(onlyObject(removed)))
        .as("contact 3 never had the tag")
        .containsExactly(2L);
  }

  @Test
  void opportunitiesAndOrdersFireTheirEvents() {
    HookReceiver receiver = receiver();
    for (String key : List.of("opportunity.add", "opportunity.stage_move", "order.add")) {
      subscribe(v1(1), key, receiver);
    }
    String opportunity = SANDBOX
        .api()
        .post(
            "/opportunities",
            Map.of("opportunity_title", "Hooked deal", "contact_id", "1", "stage_id", "1"))
        .json()
        .path("id")
        .asText();
    assertThat(eventOf(receiver.nextDelivery())).isEqualTo("opportunity.add " + opportunity);

    SANDBOX.api().patch("/opportunities/" + opportunity, Map.of("stage_id", "2"));
    assertThat(eventOf(receiver.nextDelivery())).isEqualTo("opportunity.stage_move " + opportunity);

    String order = SANDBOX
        .api()
        .post(
            "/orders",
            Map.of(
                "contact_id",
                "1",
                "order_title",
                "Hooked order",
                "order_time",
                "2026-05-21T14:30:00Z",
                "order_type",
                "ONLINE"))
        .json()
        .path("id")
        .asText();
    assertThat(eventOf(receiver.nextDelivery())).isEqualTo("order.add " + order);
  }

  @Test
  void failedAttemptsAreRetriedWithTheSameBodyUntilOneSucceeds() {
    HookReceiver receiver = receiver().answer(500, 503);
    String key = subscribe(v1(1), "contact.add", receiver);
    SANDBOX
        .api()
        .post(
            "/contacts", Map.of("email_addresses", List.of(Map.of("email", "retry@example.com"))));

    String first = receiver.nextDelivery().body();
    assertThat(receiver.nextDelivery().body()).isEqualTo(first);
    assertThat(receiver.nextDelivery().body()).isEqualTo(first);
    assertThat(status(key)).isEqualTo("Verified");
  }

  @Test
  void fourFailedAttemptsMakeTheHookInactive() {
    HookReceiver receiver = receiver().answer(500, 500, 500, 500);
    String key = subscribe(v1(1), "contact.add", receiver);
    SANDBOX
        .api()
        .post("/contacts", Map.of("email_addresses", List.of(Map.of("email", "four@example.com"))));

    for (int i = 0; i < 4; i++) {
      receiver.nextDelivery();
    }
    awaitStatus(key, "Inactive");
  }

  @Test
  void a410MakesTheHookInactiveAtOnceAndVerifyReactivatesIt() {
    HookReceiver gone = receiver().answer(410);
    HookReceiver witness = receiver();
    String key = subscribe(v1(1), "contact.add", gone);
    subscribe(v1(1), "contact.add", witness);
    SANDBOX
        .api()
        .post("/contacts", Map.of("email_addresses", List.of(Map.of("email", "gone@example.com"))));
    gone.nextDelivery();
    witness.nextDelivery();
    awaitStatus(key, "Inactive");

    long attempts = stat("attempts");
    SANDBOX
        .api()
        .post(
            "/contacts", Map.of("email_addresses", List.of(Map.of("email", "gone2@example.com"))));
    witness.nextDelivery();
    assertThat(stat("attempts") - attempts)
        .as("only the Verified hook was sent the batch")
        .isEqualTo(1);
    assertThat(gone.drainDeliveries()).isEmpty();

    TestHttp.Reply verified = v1(1).send("POST", "/hooks/" + key + "/verify", null, null);
    assertThat(verified.json().path("status").asText()).isEqualTo("Verified");
    String id = SANDBOX
        .api()
        .post("/contacts", Map.of("email_addresses", List.of(Map.of("email", "back@example.com"))))
        .json()
        .path("id")
        .asText();
    assertThat(onlyObject(gone.nextDelivery().json()).path("id").asText()).isEqualTo(id);
  }

  @Test
  void aTenantsChangesReachOnlyThatTenantsHooks() {
    HookReceiver first = receiver();
    HookReceiver second = receiver();
    subscribe(v1(1), "contact.add", first);
    subscribe(v1(2), "contact.add", second);

    long attempts = stat("attempts");
    String one = SANDBOX
        .api()
        .post("/contacts", Map.of("email_addresses", List.of(Map.of("email", "t1@example.com"))))
        .json()
        .path("id")
        .asText();
    assertThat(eventOf(first.nextDelivery())).isEqualTo("contact.add " + one);
    assertThat(stat("attempts") - attempts).isEqualTo(1);

    String two = v2(2)
        .post("/contacts", Map.of("email_addresses", List.of(Map.of("email", "t2@example.com"))))
        .json()
        .path("id")
        .asText();
    assertThat(eventOf(second.nextDelivery())).isEqualTo("contact.add " + two);
    assertThat(stat("attempts") - attempts).isEqualTo(2);
    assertThat(first.drainDeliveries()).isEmpty();
    assertThat(second.drainDeliveries()).isEmpty();
  }

  @Test
  void aReceiverThatDoesNotAnswerNeverHoldsUpTheApi() {
    HookReceiver slow = receiver().hold();
    subscribe(v1(1), "contact.add", slow);
    SANDBOX
        .api()
        .post(
            "/contacts", Map.of("email_addresses", List.of(Map.of("email", "slow1@example.com"))));
    slow.nextDelivery();

    TestHttp.Reply second = SANDBOX
        .api()
        .post(
            "/contacts", Map.of("email_addresses", List.of(Map.of("email", "slow2@example.com"))));
    assertThat(second.status())
        .as("answered while the first delivery still waits for its answer")
        .isEqualTo(201);
    slow.release();
    assertThat(eventOf(slow.nextDelivery()))
        .isEqualTo("contact.add " + second.json().path("id").asText());
  }

  // --- helpers

  private HookReceiver receiver() {
    HookReceiver r = new HookReceiver();
    receivers.add(r);
    return r;
  }

  /** Subscribes {@code receiver} to {@code eventKey}, checks the hook is Verified, and answers its key. */
  static String subscribe(TestHttp v1, String eventKey, HookReceiver receiver) {
    TestHttp.Reply r = v1.post("/hooks", Map.of("eventKey", eventKey, "hookUrl", receiver.url()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("status").asText()).isEqualTo("Verified");
    receiver.nextHandshake();
    return r.json().path("key").asText();
  }

  private static TestHttp v1(int tenant) {
    return TestHttp.bearer(SANDBOX.baseUrl() + "/crm/rest/v1", key(tenant));
  }

  private static TestHttp v2(int tenant) {
    return TestHttp.bearer(SANDBOX.baseUrl() + "/crm/rest/v2", key(tenant));
  }

  private static String key(int tenant) {
    return tenant == 1
        ? SANDBOX.apiKey()
        : SANDBOX
            .sandbox()
            .context()
            .credentials()
            .issueApiKey(Sandbox.tenantId(tenant), "1")
            .token();
  }

  static JsonNode onlyObject(JsonNode delivery) {
    assertThat(delivery.path("object_keys").size()).as(delivery.toString()).isEqualTo(1);
    return delivery.path("object_keys").get(0);
  }

  private static String eventOf(HookReceiver.Received r) {
    JsonNode d = r.json();
    return d.path("event_key").asText() + " " + onlyObject(d).path("id").asText();
  }

  private static List<Long> contactIds(JsonNode object) {
    List<Long> ids = new ArrayList<>();
    object.path("contactDetails").forEach(c -> ids.add(c.path("id").asLong()));
    return ids;
  }

  private static String status(String key) {
    return v1(1).get("/hooks/" + key).json().path("status").asText();
  }

  private static long stat(String name) {
    return SANDBOX.sandbox().restHooks().stats().path(name).asLong();
  }

  /** Polls the hook's status until it is {@code expected}, for at most {@link HookReceiver#PATIENCE}. */
  private static void awaitStatus(String key, String expected) {
    long deadline = System.nanoTime() + HookReceiver.PATIENCE.toNanos();
    while (!status(key).equals(expected) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(status(key)).isEqualTo(expected);
  }
}
