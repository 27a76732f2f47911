package dev.keapgw.client.orders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.common.CurrencyValue;

/**
 * A line of an order. {@code itemType} is PRODUCT, SHIPPING, TAX, SERVICE, UPSELL, FINANCE_CHARGE,
 * DISCOUNT, PROGRAM or SUBSCRIPTION; {@code special} and {@code subscriptionPlan} are kept as JSON.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderItem(
    String id,
    String name,
    String description,
    String notes,
    Integer quantity,
    CurrencyValue discount,
    JsonNode special,
    OrderItemProduct product,
    @JsonProperty("subscription_id") String subscriptionId,
    @JsonProperty("item_type") String itemType,
    @JsonProperty("cost_per_unit") CurrencyValue costPerUnit,
    @JsonProperty("price_per_unit") CurrencyValue pricePerUnit,
    @JsonProperty("subscription_plan") JsonNode subscriptionPlan) {}
