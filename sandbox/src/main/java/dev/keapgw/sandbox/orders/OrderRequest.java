package dev.keapgw.sandbox.orders;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.affiliates.AffiliatesModule;
import dev.keapgw.sandbox.commerce.ContactRefs;
import dev.keapgw.sandbox.commerce.CurrencyValue;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.Wording;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@code createOrder} body into a stored {@code OrderV2} whose ids (the order's and
 * its items') are still to be assigned and whose totals are still to be computed.
 *
 * <p>{@code contact_id}, {@code order_title}, {@code order_time} and {@code order_type} are
 * required; the contact and any affiliates named must exist. The request's
 * {@code order_title} becomes the order's {@code title}; promo codes are recorded but grant no
 * discount.
 */
final class OrderRequest {
  private OrderRequest() {}

  static final Set<String> ORDER_TYPES = Set.of("ONLINE", "OFFLINE");
  private static final Pattern REGION_CODE = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

  static ObjectNode parse(Tenant tenant, ObjectNode body, String now, String sourceType) {
    BodyReader f = new BodyReader(body, OrdersModule.DOMAIN, Wording.BARE);
    String contactId = f.requiredId("contact_id");
    if (!References.accepts(tenant, ContactRefs.TABLE, contactId)) {
      throw f.invalid("contact_id", "No contact with id " + contactId + " exists");
    }
    String title = f.requiredString("order_title");
    String orderTime = f.requiredTime("order_time");
    String orderType = f.requiredOneOf("order_type", ORDER_TYPES);
    String sentTime = f.time("sent_time");
    List<ObjectNode> items = items(tenant, f);

    ObjectNode o = Json.object();
    o.put("id", "");
    o.put("title", title);
    o.put("status", "DRAFT");
    o.set("total", CurrencyValue.usd(0).toJson());
    o.set("contact", ContactRefs.basic(tenant, contactId));
    Json.putText(o, "notes", f.string("notes"));
    Json.putText(o, "terms", f.string("terms"));
    o.put("order_type", orderType);
    o.put("source_type", sourceType);
    o.put("creation_time", now);
    o.put("modification_time", now);
    o.put("order_time", orderTime);
    Json.putText(o, "lead_affiliate_id", affiliate(tenant, f, "lead_affiliate_id"));
    Json.putText(o, "sales_affiliate_id", affiliate(tenant, f, "sales_affiliate_id"));
    o.set("total_paid", CurrencyValue.usd(0).toJson());
    o.set("total_due", CurrencyValue.usd(0).toJson());
    BodyReader shipping = f.object("shipping_address");
    if (shipping != null) {
      o.set("shipping_information", shipping(shipping));
    }
    o.set("refund_total", CurrencyValue.usd(0).toJson());
    o.put("allow_payment", true);
    o.put("allow_paypal", false);
    ArrayNode lines = o.putArray("order_items");
    items.forEach(lines::add);
    Json.putText(o, "invoice_number", f.string("invoice_number"));
    o.putArray("files");
    Json.putText(o, "promo_code", promoCodes(f));
    o.put("refund_status", "NONE");
    o.put("synced", false);
    o.put("invoice_id", "");
    o.set("custom_fields", customFields(f));
    Json.putText(o, "sent_time", sentTime);
    Json.putText(o, "due_time", f.time("due_time"));
    Json.putText(o, "external_create_user", f.string("external_create_user"));
    Json.putText(o, "external_create_time", f.time("external_create_time"));
    Json.putText(o, "external_update_time", f.time("external_update_time"));
    return o;
  }

  private static List<ObjectNode> items(Tenant tenant, BodyReader f) {
    ArrayNode given = f.array("order_items");
    List<ObjectNode> out = new ArrayList<>();
    if (given == null) {
      return out;
    }
    for (int i = 0; i < given.size(); i++) {
      out.add(OrderItemRequest.parse(f.item("order_items", i), tenant));
    }
    return out;
  }

  private static String affiliate(Tenant tenant, BodyReader f, String field) {
    String id = f.id(field);
    if (id != null && !References.exists(tenant, AffiliatesModule.TABLE, id)) {
      throw f.invalid(field, "No affiliate with id " + id + " exists");
    }
    return id;
  }

  /** Keap's {@code ShippingInformation} from the request's {@code AddressInformation}. */
  private static ObjectNode shipping(BodyReader a) {
    ObjectNode address = Json.object();
    Json.putText(address, "line1", a.string("line1"));
    Json.putText(address, "line2", a.string("line2"));
    Json.putText(address, "locality", a.string("locality"));
    String region = a.string("region");
    Json.putText(address, "region", region);
    address.put("field", "SHIPPING");
    Json.putText(address, "country_code", a.string("country_code"));
    String zip = a.string("zip_code");
    Json.putText(address, "postal_code", zip);
    // A region sent as an ISO 3166-2 code doubles as the region code the list filters on.
    if (region != null && REGION_CODE.matcher(region).matches()) {
      address.put("region_code", region);
    }
    Json.putText(address, "zip_code", zip);
    Json.putText(address, "zip_four", a.string("zip_four"));
    ObjectNode info = Json.object();
    info.set("address", address);
    Json.putText(info, "company", a.string("company"));
    Json.putText(info, "given_name", a.string("first_name"));
    Json.putText(info, "family_name", a.string("last_name"));
    Json.putText(info, "phone_number", a.string("phone"));
    info.put("invoice_to_company", a.bool("is_invoice_to_company", false));
    return info;
  }

  private static String promoCodes(BodyReader f) {
    ArrayNode codes = f.array("promo_codes");
    if (codes == null || codes.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      if (!codes.get(i).isTextual() || codes.get(i).asText().isBlank()) {
        throw f.invalid(
            "promo_codes[" + i + "]",
            f.path("promo_codes[" + i + "]") + " must be a non-blank string");
      }
      out.add(codes.get(i).asText());
    }
    return String.join(",", out);
  }

  private static ArrayNode customFields(BodyReader f) {
    ArrayNode given = f.array("custom_fields");
    ArrayNode out = Json.array();
    if (given == null) {
      return out;
    }
    for (int i = 0; i < given.size(); i++) {
      BodyReader c = f.item("custom_fields", i);
      out.addObject()
          .put("id", c.requiredId("id"))
          .set(
              "content",
              c.node().hasNonNull("content")
                  ? c.node().get("content").deepCopy()
                  : NullNode.getInstance());
    }
    return out;
  }
}
