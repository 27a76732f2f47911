package dev.keapgw.client.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An amount of money: {@code amount} in the currency's smallest unit (cents for USD: $12.50 is 1250),
 * its currency and Keap's rendering (e.g. {@code $12.50}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CurrencyValue(
    Long amount,
    @JsonProperty("currency_code") String currencyCode,
    @JsonProperty("formatted_amount") String formattedAmount) {}
