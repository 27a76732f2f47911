package dev.keapgw.sandbox.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.TestHttp;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test's way into the seeded sandbox: it finds ids the way a client would, through list
 * calls (the first contact of {@code GET /contacts}), creates what a test needs, and sends the
 * call under test. Setup calls must succeed; when one fails, the failure names it, so a test
 * whose resource is not implemented yet says so instead of failing somewhere later.
 */
final class SeedData {
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private final TestHttp api;

  SeedData(TestHttp api) {
    this.api = api;
  }

  /** Sends the call under test. */
  Exchange send(Call call) {
    return new Exchange(call, call.sendWith(api));
  }

  Exchange get(String path) {
    return send(Call.get(path));
  }

  Exchange post(String path, String json) {
    return send(Call.post(path, json));
  }

  Exchange patch(String path, String json) {
    return send(Call.patch(path, json));
  }

  Exchange delete(String path) {
    return send(Call.delete(path));
  }

  /** Sends a setup call that must succeed (2xx) and returns its JSON body, or null if empty. */
  JsonNode setup(Call call) {
    TestHttp.Reply reply = call.sendWith(api);
    if (reply.status() < 200 || reply.status() > 299) {
      throw new AssertionError("setup call " + call + " answered " + reply.status()
          + ", so the operation under test could not be reached: " + reply.body());
    }
    return reply.body() == null || reply.body().isEmpty() ? null : reply.json();
  }

  /** Creates a record with a setup POST and returns its id. */
  String create(String path, String json) {
    JsonNode created = setup(Call.post(path, json));
    String id = created == null ? "" : created.path("id").asText("");
    if (id.isEmpty()) {
      throw new AssertionError("setup call POST " + path + " answered no id: " + created);
    }
    return id;
  }

  /** The id of the first item that a list call returns under {@code itemsKey}. */
  String firstId(String listPath, String itemsKey) {
    JsonNode items = setup(Call.get(listPath)).path(itemsKey);
    if (!items.isArray()
        || items.isEmpty()
        || items.get(0).path("id").asText("").isEmpty()) {
      throw new AssertionError("setup call GET " + listPath + " listed no " + itemsKey
          + " with an id; the sandbox should seed some");
    }
    return items.get(0).path("id").asText();
  }

  /** A name no other call in this JVM uses, e.g. {@code Contract tag 7}. */
  static String unique(String prefix) {
    return prefix + " " + SERIAL.incrementAndGet();
  }

  String contact() {
    return firstId("/contacts?page_size=1", "contacts");
  }

  String user() {
    return firstId("/users?page_size=1", "users");
  }

  String tag() {
    return firstId("/tags?page_size=1", "tags");
  }

  String tagCategory() {
    return firstId("/tags/categories?page_size=1", "tag_categories");
  }

  String company() {
    return firstId("/companies?page_size=1", "companies");
  }

  String task() {
    return firstId("/tasks?page_size=1", "tasks");
  }

  String stage() {
    return firstId("/opportunities/stages?page_size=1", "stages");
  }

  String opportunity() {
    return firstId("/opportunities?page_size=1", "opportunities");
  }

  String product() {
    return firstId("/products?page_size=1", "products");
  }

  String order() {
    return firstId("/orders?page_size=1", "orders");
  }

  String subscription() {
    return firstId("/subscriptions?page_size=1", "subscriptions");
  }

  String affiliate() {
    return firstId("/affiliates?page_size=1", "affiliates");
  }

  String campaign() {
    return firstId("/campaigns?page_size=1", "campaigns");
  }

  String email() {
    return firstId("/emails?page_size=1", "emails");
  }

  String automation() {
    return firstId("/automations?page_size=1", "automations");
  }

  /** A campaign that has a sequence, as {campaign id, sequence id}. */
  String[] campaignSequence() {
    JsonNode campaigns = setup(Call.get("/campaigns?page_size=50")).path("campaigns");
    for (JsonNode c : campaigns) {
      String campaign = c.path("id").asText();
      JsonNode sequences =
          setup(Call.get("/campaigns/" + campaign + "/sequences")).path("sequences");
      if (!sequences.isEmpty()) {
        return new String[] {campaign, sequences.get(0).path("id").asText()};
      }
    }
    throw new AssertionError("no seeded campaign among " + campaigns.size() + " has a sequence");
  }
}
