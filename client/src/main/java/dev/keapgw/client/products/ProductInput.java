package dev.keapgw.client.products;

import dev.keapgw.client.common.Body;

/**
 * The body of a product create: {@code name}, {@code price} and {@code shortDescription} are required.
 * {@code price} is in the smallest currency unit: $12.50 is 1250.
 */
public final class ProductInput extends Body<ProductInput> {
  public ProductInput name(String value) {
    return set("name", value);
  }

  public ProductInput sku(String value) {
    return set("sku", value);
  }

  public ProductInput price(Long value) {
    return set("price", value);
  }

  public ProductInput active(Boolean value) {
    return set("active", value);
  }

  public ProductInput description(String value) {
    return set("description", value);
  }

  public ProductInput shortDescription(String value) {
    return set("short_description", value);
  }

  public ProductInput shippable(Boolean value) {
    return set("shippable", value);
  }

  public ProductInput weight(Double value) {
    return set("weight", value);
  }

  public ProductInput taxable(Boolean value) {
    return set("taxable", value);
  }

  public ProductInput subscriptionOnly(Boolean value) {
    return set("subscription_only", value);
  }

  public ProductInput storefrontHidden(Boolean value) {
    return set("storefront_hidden", value);
  }

  public ProductInput countryTaxable(Boolean value) {
    return set("country_taxable", value);
  }

  public ProductInput stateTaxable(Boolean value) {
    return set("state_taxable", value);
  }

  public ProductInput cityTaxable(Boolean value) {
    return set("city_taxable", value);
  }

  public ProductInput topHtml(String value) {
    return set("top_html", value);
  }

  public ProductInput bottomHtml(String value) {
    return set("bottom_html", value);
  }

  public ProductInput packageProduct(Boolean value) {
    return set("is_package", value);
  }

  public ProductInput needsDigitalDelivery(Boolean value) {
    return set("needs_digital_delivery", value);
  }

  public ProductInput deliveryDescription(String value) {
    return set("delivery_description", value);
  }
}
