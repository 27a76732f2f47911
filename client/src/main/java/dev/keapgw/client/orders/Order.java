package dev.keapgw.client.orders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.common.CurrencyValue;
import dev.keapgw.client.common.CustomFieldValue;
import java.util.List;

/**
 * An order (Keap's {@code OrderV2}): its contact, items, totals and payment state.
 * {@code status} is DRAFT, SENT, VIEWED or PAID; {@code orderType} ONLINE or OFFLINE.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Order(
    String id,
    String title,
    String status,
    CurrencyValue total,
    OrderContact contact,
    String notes,
    String terms,
    @JsonProperty("order_type") String orderType,
    @JsonProperty("source_type") String sourceType,
    @JsonProperty("creation_time") String creationTime,
    @JsonProperty("modification_time") String modificationTime,
    @JsonProperty("order_time") String orderTime,
    @JsonProperty("lead_affiliate_id") String leadAffiliateId,
    @JsonProperty("sales_affiliate_id") String salesAffiliateId,
    @JsonProperty("total_paid") CurrencyValue totalPaid,
    @JsonProperty("total_due") CurrencyValue totalDue,
    @JsonProperty("shipping_information") ShippingInformation shippingInformation,
    @JsonProperty("refund_total") CurrencyValue refundTotal,
    @JsonProperty("allow_payment") Boolean allowPayment,
    @JsonProperty("allow_paypal") Boolean allowPaypal,
    @JsonProperty("order_items") List<OrderItem> orderItems,
    @JsonProperty("payment_plan") JsonNode paymentPlan,
    @JsonProperty("invoice_number") String invoiceNumber,
    List<Order.InvoiceFile> files,
    @JsonProperty("credit_status") String creditStatus,
    @JsonProperty("promo_code") String promoCode,
    @JsonProperty("refund_status") String refundStatus,
    Boolean synced,
    @JsonProperty("invoice_id") String invoiceId,
    @JsonProperty("custom_fields") List<CustomFieldValue> customFields,
    @JsonProperty("sent_time") String sentTime,
    @JsonProperty("due_time") String dueTime,
    @JsonProperty("external_create_user") String externalCreateUser,
    @JsonProperty("external_create_time") String externalCreateTime,
    @JsonProperty("external_update_time") String externalUpdateTime) {

  /** A file attached to the order's invoice. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record InvoiceFile(@JsonProperty("file_id") String fileId) {}
}
