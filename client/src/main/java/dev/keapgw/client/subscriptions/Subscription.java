package dev.keapgw.client.subscriptions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keapgw.client.common.Address;
import dev.keapgw.client.common.CustomFieldValue;
import java.util.List;

/**
 * A contact's subscription to a plan. {@code billingCycle} is YEAR, MONTH, WEEK or DAY; the
 * {@code *Date} fields are {@code yyyy-mm-dd}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subscription(
    String id,
    Long quantity,
    Boolean active,
    @JsonProperty("contact_id") String contactId,
    @JsonProperty("product_id") String productId,
    @JsonProperty("subscription_plan_id") String subscriptionPlanId,
    @JsonProperty("billing_amount") Double billingAmount,
    @JsonProperty("auto_charge") Boolean autoCharge,
    @JsonProperty("billing_frequency") Integer billingFrequency,
    @JsonProperty("billing_cycle") String billingCycle,
    @JsonProperty("start_date") String startDate,
    @JsonProperty("last_bill_date") String lastBillDate,
    @JsonProperty("next_bill_date") String nextBillDate,
    @JsonProperty("end_date") String endDate,
    @JsonProperty("merchant_account_id") String merchantAccountId,
    @JsonProperty("payment_method_id") String paymentMethodId,
    @JsonProperty("allow_tax") Boolean allowTax,
    @JsonProperty("max_charge_attempts") Integer maxChargeAttempts,
    @JsonProperty("days_between_retries") Integer daysBetweenRetries,
    @JsonProperty("lead_affiliate_id") String leadAffiliateId,
    @JsonProperty("sale_affiliate_id") String saleAffiliateId,
    @JsonProperty("shipping_address") Address shippingAddress,
    @JsonProperty("promo_code") String promoCode,
    @JsonProperty("shipping_option_id") String shippingOptionId,
    @JsonProperty("reason_stopped") String reasonStopped,
    @JsonProperty("modification_time") String modificationTime,
    @JsonProperty("custom_fields") List<CustomFieldValue> customFields) {}
