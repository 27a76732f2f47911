package dev.keapgw.sandbox.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.affiliates.AffiliatesModule;
import dev.keapgw.sandbox.commerce.BodyFields;
import dev.keapgw.sandbox.commerce.ContactRefs;
import dev.keapgw.sandbox.commerce.CurrencyValue;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.products.ProductsModule;
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
    BodyFields f = new BodyFields(body, OrdersModule.DOMAIN);
    String contactId = f.requiredId("contact_id");
    if (!ContactRefs.referable(tenant, contactId)) {
      throw f.invalid("contact_id", "No contact with id " + contactId + " exists");
    }
    String title = f.requiredText("order_title");
    String orderTime = f.requiredTime("order_time");
    String orderType = f.requiredEnum("order_type", ORDER_TYPES);
    String sentTime = f.optionalTime("sent_time");
    List<ObjectNode> items = items(tenant, f);

    ObjectNode o = Json.object();
    o.put("id", "");
    o.put("title", title);
    o.put("status", "DRAFT");
    o.set("total", CurrencyValue.usd(0).toJson());
    o.set("contact", ContactRefs.basic(tenant, contactId));
    putText(o, "notes", f.optionalText("notes"));
    putText(o, "terms", f.optionalText("terms"));
    o.put("order_type", orderType);
    o.put("source_type", sourceType);
    o.put("creation_time", now);
    o.put("modification_time", now);
    o.put("order_time", orderTime);
    putText(o, "lead_affiliate_id", affiliate(tenant, f, "lead_affiliate_id"));
    putText(o, "sales_affiliate_id", affiliate(tenant, f, "sales_affiliate_id"));
    o.set("total_paid", CurrencyValue.usd(0).toJson());
    o.set("total_due", CurrencyValue.usd(0).toJson());
    ObjectNode shipping = f.optionalObject("shipping_address");
    if (shipping != null) {
      o.set("shipping_information", shipping(f.nested("shipping_address", shipping)));
    }
    o.set("refund_total", CurrencyValue.usd(0).toJson());
    o.put("allow_payment", true);
    o.put("allow_paypal", false);
    ArrayNode lines = o.putArray("order_items");
    items.forEach(lines::add);
    putText(o, "invoice_number", f.optionalText("invoice_number"));
    o.putArray("files");
    putText(o, "promo_code", promoCodes(f));
    o.put("refund_status", "NONE");
    o.put("synced", false);
    o.put("invoice_id", "");
    o.set("custom_fields", customFields(f));
    putText(o, "sent_time", sentTime);
    putText(o, "due_time", f.optionalTime("due_time"));
    putText(o, "external_create_user", f.optionalText("external_create_user"));
    putText(o, "external_create_time", f.optionalTime("external_create_time"));
    putText(o, "external_update_time", f.optionalTime("external_update_time"));
    return o;
  }

  private static List<ObjectNode> items(Tenant tenant, BodyFields f) {
    ArrayNode given = f.optionalArray("order_items");
    List<ObjectNode> out = new ArrayList<>();
    if (given == null) {
      return out;
    }
    for (int i = 0; i < given.size(); i++) {
      JsonNode item = given.get(i);
      if (!item.isObject()) {
        throw f.invalid("order_items[" + i + "]", f.name("order_items[" + i + "]") + " must be an object");
      }
      out.add(OrderItemRequest.parse(f.nested("order_items[" + i + "]", (ObjectNode) item),
          tenant.table(ProductsModule.TABLE)));
    }
    return out;
  }

  private static String affiliate(Tenant tenant, BodyFields f, String field) {
    String id = f.optionalId(field);
    if (id != null && !tenant.table(AffiliatesModule.TABLE).contains(id)) {
      throw f.invalid(field, "No affiliate with id " + id + " exists");
    }
    return id;
  }

  /** Keap's {@code ShippingInformation} from the request's {@code AddressInformation}. */
  private static ObjectNode shipping(BodyFields a) {
    ObjectNode address = Json.object();
    putText(address, "line1", a.optionalText("line1"));
    putText(address, "line2", a.optionalText("line2"));
    putText(address, "locality", a.optionalText("locality"));
    String region = a.optionalText("region");
    putText(address, "region", region);
    address.put("field", "SHIPPING");
    putText(address, "country_code", a.optionalText("country_code"));
    String zip = a.optionalText("zip_code");
    putText(address, "postal_code", zip);
    // A region sent as an ISO 3166-2 code doubles as the region code the list filters on.
    if (region != null && REGION_CODE.matcher(region).matches()) {
      address.put("region_code", region);
    }
    putText(address, "zip_code", zip);
    putText(address, "zip_four", a.optionalText("zip_four"));
    ObjectNode info = Json.object();
    info.set("address", address);
    putText(info, "company", a.optionalText("company"));
    putText(info, "given_name", a.optionalText("first_name"));
    putText(info, "family_name", a.optionalText("last_name"));
    putText(info, "phone_number", a.optionalText("phone"));
    info.put("invoice_to_company", a.booleanOr("is_invoice_to_company", false));
    return info;
  }

  private static String promoCodes(BodyFields f) {
    ArrayNode codes = f.optionalArray("promo_codes");
    if (codes == null || codes.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      if (!codes.get(i).isTextual() || codes.get(i).asText().isBlank()) {
        throw f.invalid("promo_codes[" + i + "]", f.name("promo_codes[" + i + "]") + " must be a non-blank string");
      }
      out.add(codes.get(i).asText());
    }
    return String.join(",", out);
  }

  private static ArrayNode customFields(BodyFields f) {
    ArrayNode given = f.optionalArray("custom_fields");
    ArrayNode out = Json.array();
    if (given == null) {
      return out;
    }
    for (int i = 0; i < given.size(); i++) {
      String at = "custom_fields[" + i + "]";
      JsonNode cf = given.get(i);
      if (!cf.isObject()) {
        throw f.invalid(at, f.name(at) + " must be an object");
      }
      BodyFields c = f.nested(at, (ObjectNode) cf);
      out.addObject().put("id", c.requiredId("id")).set("content",
          cf.hasNonNull("content") ? cf.get("content").deepCopy() : NullNode.getInstance());
    }
    return out;
  }

  private static void putText(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }
}
