package dev.keapgw.client.products;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Stock settings of a product ({@code inventoryCount} only on a single product, not in lists).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductInventory(
    @JsonProperty("inventory_limit") Integer inventoryLimit,
    @JsonProperty("inventory_count") Integer inventoryCount,
    @JsonProperty("out_of_stock_enabled") Boolean outOfStockEnabled,
    @JsonProperty("email_for_inventory_notifications") String emailForInventoryNotifications) {}
