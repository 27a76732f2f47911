package dev.keapgw.client.orders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keapgw.client.common.Address;

/**
 * Where an order ships to.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShippingInformation(
    String id,
    Address address,
    String company,
    @JsonProperty("given_name") String givenName,
    @JsonProperty("family_name") String familyName,
    @JsonProperty("phone_number") String phoneNumber,
    @JsonProperty("invoice_to_company") Boolean invoiceToCompany) {}
