package dev.keapgw.client.orders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The product of an order line.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderItemProduct(
    String id, String name, String sku, String description, Boolean shippable, Boolean taxable) {}
