package dev.keapgw.client.orders;

import dev.keapgw.client.common.Body;
import dev.keapgw.client.common.CustomFieldValue;
import java.util.List;

/**
 * The body of an order create: {@code contactId}, {@code orderTitle}, {@code orderTime} (ISO-8601) and
 * {@code orderType} (ONLINE or OFFLINE) are required.
 */
public final class OrderInput extends Body<OrderInput> {
  public OrderInput contactId(String value) {
    return set("contact_id", value);
  }

  public OrderInput orderTitle(String value) {
    return set("order_title", value);
  }

  public OrderInput orderTime(String value) {
    return set("order_time", value);
  }

  public OrderInput orderType(String value) {
    return set("order_type", value);
  }

  public OrderInput notes(String value) {
    return set("notes", value);
  }

  public OrderInput terms(String value) {
    return set("terms", value);
  }

  public OrderInput promoCodes(List<String> value) {
    return set("promo_codes", value);
  }

  public OrderInput leadAffiliateId(String value) {
    return set("lead_affiliate_id", value);
  }

  public OrderInput salesAffiliateId(String value) {
    return set("sales_affiliate_id", value);
  }

  public OrderInput items(List<OrderItemInput> value) {
    return set("order_items", value);
  }

  public OrderInput invoiceNumber(String value) {
    return set("invoice_number", value);
  }

  public OrderInput sentTime(String value) {
    return set("sent_time", value);
  }

  public OrderInput dueTime(String value) {
    return set("due_time", value);
  }

  public OrderInput customFields(List<CustomFieldValue> value) {
    return set("custom_fields", value);
  }
}
