package dev.keapgw.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.client.KeapClient;
import dev.keapgw.client.contacts.ContactInput;
import dev.keapgw.client.error.BadRequestException;
import dev.keapgw.client.error.NotFoundException;
import dev.keapgw.client.list.Page;
import dev.keapgw.client.support.LiveGateway;
import dev.keapgw.client.triggers.Delivery;
import dev.keapgw.client.triggers.Destination;
import dev.keapgw.client.triggers.DestinationInput;
import dev.keapgw.client.triggers.Trigger;
import dev.keapgw.client.triggers.TriggerEvent;
import dev.keapgw.client.triggers.TriggerInput;
import dev.keapgw.client.triggers.TriggerUpdate;
import dev.keapgw.client.triggers.TriggersApi;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.trigger.Receiver;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's Triggers API against a real gateway in front of the sandbox (whose REST hooks fire
 * after 20 ms): every call once, each record checked field for field against the gateway's own
 * JSON, and an event that Keap fired for a contact created through the gateway reaching a
 * loopback receiver, then again by a replay.
 */
class TriggersTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  private record Account(KeapClient client, TestHttp raw, String connectionId) {}

  /** A new account with an ACTIVE connection, so lists hold only this test's triggers. */
  private static Account freshAccount(String name) {
    String key = LIVE.fixture().newAccount(name).key().secret();
    String connection = ConnectFlow.connect(LIVE.fixture(), key);
    return new Account(
        KeapClient.gateway(LIVE.url(), key).build(), LIVE.fixture().as(key), connection);
  }

  @Test
  void triggersAreCreatedListedPagedUpdatedAndDeleted() {
    Account a = freshAccount("sdk triggers");
    TriggersApi triggers = a.client().triggers();
    try (Receiver receiver = new Receiver()) {
      Trigger made = triggers.create(TriggerInput.keap(a.connectionId(), "contact.add")
          .name("new contacts")
          .destination(new DestinationInput()
              .url(receiver.url("/in"))
              .name("receiver")
              .headers(Map.of("x-team", "crm"))));
      assertThat(made.isEnabled()).isTrue();
      assertThat(made.source()).isEqualTo("keap");
      assertThat(made.eventType()).isEqualTo("contact.add");
      assertThat(made.connectionId()).isEqualTo(a.connectionId());
      assertThat(made.name()).isEqualTo("new contacts");
      assertThat(made.createdAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
      Destination d = made.destinations().get(0);
      assertThat(d.signingSecret())
          .as("in full in the create answer")
          .startsWith("whsec_")
          .hasSizeGreaterThan(20);
      assertThat(d.headers()).containsEntry("x-team", "crm");
      assertThat(d.method()).isEqualTo("POST");

      Trigger got = triggers.get(made.id());
      assertThat(got.destinations().get(0).signingSecret())
          .startsWith("whsec_****")
          .isNotEqualTo(d.signingSecret());
      assertThat(tree(got))
          .as("the gateway's object, field for field")
          .isEqualTo(a.raw().get("/triggers/" + made.id()).json().path("trigger"));

      Trigger watcher = triggers.create(TriggerInput.gateway("connection.failed", null)
          .destination(new DestinationInput().url(receiver.url("/ops"))));
      assertThat(watcher.connectionId()).isNull();
      assertThat(triggers.list("gateway", null, null, null).items())
          .extracting(Trigger::id)
          .containsExactly(watcher.id());
      Page<Trigger> first = triggers.list(null, "ENABLED", 1, null);
      assertThat(first.items()).extracting(Trigger::id).containsExactly(made.id());
      assertThat(first.isLast()).isFalse();
      Page<Trigger> second = triggers.list(null, "ENABLED", 1, first.nextPageToken());
      assertThat(second.items()).extracting(Trigger::id).containsExactly(watcher.id());
      assertThat(triggers.listAll(null, null))
          .extracting(Trigger::id)
          .containsExactly(made.id(), watcher.id());

      Trigger disabled =
          triggers.update(made.id(), new TriggerUpdate().status("DISABLED").description("paused"));
      assertThat(disabled.status()).isEqualTo("DISABLED");
      assertThat(disabled.description()).isEqualTo("paused");
      assertThat(disabled.name()).as("left alone").isEqualTo("new contacts");
      assertThat(triggers.list(null, "DISABLED", null, null).items())
          .extracting(Trigger::id)
          .containsExactly(made.id());

      assertThatThrownBy(() -> triggers.create(TriggerInput.keap(a.connectionId(), "contact.add")
              .destination(new DestinationInput().url("not a url"))))
          .isInstanceOfSatisfying(
              BadRequestException.class,
              e -> assertThat(e.envelope().details().path("field").asText())
                  .isEqualTo("destinations[0].url"));
      assertThat(triggers.delete(watcher.id()).id()).isEqualTo(watcher.id());
      assertThatThrownBy(() -> triggers.get(watcher.id())).isInstanceOf(NotFoundException.class);
      triggers.delete(made.id());
      assertThat(triggers.listAll(null, null)).isEmpty();
    }
  }

  @Test
  void destinationsAreAddedChangedRotatedAndRemoved() {
    Account a = freshAccount("sdk destinations");
    TriggersApi triggers = a.client().triggers();
    try (Receiver receiver = new Receiver()) {
      Trigger t = triggers.create(TriggerInput.gateway("connection.active", a.connectionId())
          .destination(new DestinationInput().url(receiver.url("/one"))));
      Destination added = triggers
          .destinations()
          .add(
              t.id(),
              new DestinationInput()
                  .url(receiver.url("/two"))
                  .method("PUT")
                  .bodyTemplate("{\"type\":\"{{ event_type }}\"}"));
      assertThat(added.signingSecret()).startsWith("whsec_").doesNotContain("****");
      assertThat(added.bodyTemplate()).isEqualTo("{\"type\":\"{{ event_type }}\"}");
      assertThat(triggers.destinations().list(t.id()))
          .extracting(Destination::url)
          .containsExactly(receiver.url("/one"), receiver.url("/two"));
      Destination got = triggers.destinations().get(t.id(), added.id());
      assertThat(got.signingSecret())
          .startsWith("whsec_****")
          .endsWith(added.signingSecret().substring(added.signingSecret().length() - 4));
      assertThat(tree(got))
          .isEqualTo(a.raw()
              .get("/triggers/" + t.id() + "/destinations/" + added.id())
              .json()
              .path("destination"));

      Destination renamed = triggers
          .destinations()
          .update(t.id(), added.id(), new DestinationInput().name("backup").status("DISABLED"));
      assertThat(renamed.name()).isEqualTo("backup");
      assertThat(renamed.status()).isEqualTo("DISABLED");
      assertThat(renamed.method()).as("left alone").isEqualTo("PUT");

      String rotated = triggers.destinations().rotateSecret(t.id(), added.id());
      assertThat(rotated).startsWith("whsec_").isNotEqualTo(added.signingSecret());
      assertThat(triggers.destinations().get(t.id(), added.id()).signingSecret())
          .endsWith(rotated.substring(rotated.length() - 4));

      assertThat(triggers.destinations().delete(t.id(), added.id()).id()).isEqualTo(added.id());
      assertThatThrownBy(() -> triggers.destinations().get(t.id(), added.id()))
          .isInstanceOf(NotFoundException.class);
      assertThat(triggers.destinations().list(t.id())).hasSize(1);
    }
  }

  @Test
  void anEventKeapFiredIsListedWithItsDeliveryAndReplayed() throws Exception {
    Account a = freshAccount("sdk events");
    TriggersApi triggers = a.client().triggers();
    try (Receiver receiver = new Receiver()) {
      Trigger t = triggers.create(TriggerInput.keap(a.connectionId(), "contact.add")
          .destination(new DestinationInput().url(receiver.url("/contacts"))));
      String contactId = a.client()
          .contacts()
          .create(new ContactInput().givenName("Grace").email("grace@example.com"))
          .id();

      Receiver.await(
          Duration.ofSeconds(30),
          "the contact.add delivery",
          () -> !receiver.hits().isEmpty());
      Page<TriggerEvent> events = triggers.events().list(t.id(), 10, null);
      assertThat(events.items()).hasSize(1);
      TriggerEvent listed = events.items().get(0);
      assertThat(listed.payload().path("event_key").asText()).isEqualTo("contact.add");
      assertThat(listed.payload().path("object_keys").findValuesAsText("id")).contains(contactId);
      assertThat(listed.deliveries()).as("not in a list").isNull();

      assertThat(receiver.hits().get(0).header("webhook-id")).isEqualTo(listed.id());

      Receiver.await(
          Duration.ofSeconds(30),
          "the delivery recorded",
          () -> triggers.events().get(t.id(), listed.id()).deliveryCounts().succeeded() == 1);
      // compared once the delivery is recorded: the counts change until then
      TriggerEvent relisted = triggers.events().list(t.id(), 10, null).items().get(0);
      assertThat(tree(relisted))
          .isEqualTo(a.raw()
              .get("/triggers/" + t.id() + "/events")
              .json()
              .path("events")
              .get(0));
      TriggerEvent got = triggers.events().get(t.id(), listed.id());
      Delivery delivery = got.deliveries().get(0);
      assertThat(delivery.destinationId()).isEqualTo(t.destinations().get(0).id());
      assertThat(delivery.status()).isEqualTo("SUCCEEDED");
      assertThat(delivery.lastResponseStatus()).isEqualTo(200);
      assertThat(delivery.replay()).isFalse();
      // as text: the record's Long duration and the parsed answer's int are equal JSON, unequal
      // nodes
      assertThat(tree(got).toString())
          .isEqualTo(a.raw()
              .get("/triggers/" + t.id() + "/events/" + listed.id())
              .json()
              .path("event")
              .toString());

      TriggerEvent replayed = triggers.events().replay(t.id(), listed.id());
      assertThat(replayed.deliveries())
          .extracting(Delivery::replay)
          .containsExactlyInAnyOrder(false, true);
      Receiver.await(Duration.ofSeconds(30), "the replay", () -> receiver.hits().size() == 2);
      assertThat(receiver.hits().get(1).header("webhook-id"))
          .as("the same event id")
          .isEqualTo(listed.id());
      JsonNode body = receiver.hits().get(1).json();
      assertThat(body.path("event_id").asText()).isEqualTo(listed.id());
      assertThatThrownBy(() -> triggers.events().get(t.id(), "no-such-event"))
          .isInstanceOf(NotFoundException.class);
    }
  }
}
