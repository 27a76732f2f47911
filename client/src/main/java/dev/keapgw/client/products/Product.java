package dev.keapgw.client.products;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.common.CurrencyValue;
import java.util.List;

/**
 * A product of the catalogue. {@code options} and {@code subscriptionPlans} are kept as JSON.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Product(
    String id,
    String name,
    CurrencyValue price,
    Boolean active,
    String description,
    String sku,
    Boolean shippable,
    Double weight,
    Boolean taxable,
    List<String> categories,
    List<JsonNode> options,
    ProductInventory inventory,
    @JsonProperty("short_description") String shortDescription,
    @JsonProperty("subscription_only") Boolean subscriptionOnly,
    @JsonProperty("storefront_hidden") Boolean storefrontHidden,
    @JsonProperty("country_taxable") Boolean countryTaxable,
    @JsonProperty("state_taxable") Boolean stateTaxable,
    @JsonProperty("city_taxable") Boolean cityTaxable,
    @JsonProperty("subscription_plans") List<JsonNode> subscriptionPlans,
    @JsonProperty("top_html") String topHtml,
    @JsonProperty("bottom_html") String bottomHtml,
    @JsonProperty("is_package") Boolean isPackage,
    @JsonProperty("needs_digital_delivery") Boolean needsDigitalDelivery,
    @JsonProperty("has_legacy_image") Boolean hasLegacyImage,
    @JsonProperty("delivery_description") String deliveryDescription,
    @JsonProperty("create_time") String createTime,
    @JsonProperty("update_time") String updateTime) {}
