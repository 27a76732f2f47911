package dev.keapgw.sandbox.resthooks;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event keys the sandbox lists at {@code GET /crm/rest/v1/hooks/event_keys} (Keap's
 * {@code noun.verb} keys), which of them the sandbox's v2 API fires, and how an object of each
 * is named in a delivery ({@code object_type}, {@code apiUrl}).
 */
final class EventKeys {
  /** Every key a hook may subscribe to, in the order {@code event_keys} lists them. */
  static final List<String> ALL = List.of(
      "contact.add",
      "contact.edit",
      "contact.delete",
      "contactGroup.add",
      "contactGroup.applied",
      "contactGroup.removed",
      "contactGroup.delete",
      "opportunity.add",
      "opportunity.edit",
      "opportunity.delete",
      "opportunity.stage_move",
      "order.add",
      "order.edit",
      "order.delete",
      "invoice.add",
      "invoice.edit",
      "invoice.delete",
      "invoice.payment.add",
      "subscription.add",
      "subscription.edit");

  /**
   * Keys whose first delivery Keap holds back longer (5 to 10 minutes instead of 30 to 60
   * seconds), as its event policy says.
   */
  private static final Set<String> SLOW = Set.of("contactGroup.applied", "contactGroup.delete");

  /** Where a receiver reads each kind of object back: the sandbox's v2 API (it has no v1 resources). */
  private static final Map<String, String> V2_PATHS = Map.of(
      "contact", "/crm/rest/v2/contacts/",
      "contactGroup", "/crm/rest/v2/tags/",
      "opportunity", "/crm/rest/v2/opportunities/",
      "order", "/crm/rest/v2/orders/",
      "invoice", "/crm/rest/v2/orders/",
      "subscription", "/crm/rest/v2/subscriptions/");

  private EventKeys() {}

  /** The {@code object_type} of a delivery: the key's noun ({@code contactGroup} for {@code contactGroup.applied}). */
  static String objectType(String eventKey) {
    return eventKey.substring(0, eventKey.indexOf('.'));
  }

  static boolean slow(String eventKey) {
    return SLOW.contains(eventKey);
  }

  /** The URL a receiver fetches the object from; empty for a deleted object, which has none. */
  static String apiUrl(String baseUrl, String eventKey, long id) {
    if (eventKey.endsWith(".delete")) {
      return "";
    }
    String path = V2_PATHS.get(objectType(eventKey));
    return path == null ? "" : baseUrl + path + id;
  }
}
