package dev.keapgw.sandbox.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Keap's {@code CurrencyValue}: an amount in the currency's smallest unit (cents), its ISO
 * code and the amount as the account's locale shows it. Every sandbox tenant bills in US
 * dollars, so {@code 1250} reads {@code "$12.50"}.
 */
public record CurrencyValue(long amount, String currencyCode) {
  public static final String USD = "USD";

  public static CurrencyValue usd(long minorUnits) {
    return new CurrencyValue(minorUnits, USD);
  }

  /**
   * A major-unit amount as requests send it ({@code 29.99}), rounded half-up to whole cents.
   *
   * @throws ArithmeticException when the amount does not fit in a long number of cents
   */
  public static CurrencyValue ofMajor(double major) {
    return usd(BigDecimal.valueOf(major)
        .movePointRight(2)
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact());
  }

  /** The minor-unit amount of a stored {@code CurrencyValue} object; 0 when absent. */
  public static long amountOf(JsonNode currencyValue) {
    return currencyValue == null ? 0 : currencyValue.path("amount").asLong(0);
  }

  public CurrencyValue plus(CurrencyValue other) {
    return new CurrencyValue(Math.addExact(amount, other.amount), currencyCode);
  }

  public CurrencyValue times(long quantity) {
    return new CurrencyValue(Math.multiplyExact(amount, quantity), currencyCode);
  }

  /** The amount in major units, as Keap's double-typed money fields carry it. */
  public double major() {
    return BigDecimal.valueOf(amount).movePointLeft(2).doubleValue();
  }

  /** US formatting: {@code $1,234.50}, and {@code -$5.00} for a negative amount. */
  public String formatted() {
    long abs = Math.abs(amount);
    String text = String.format(Locale.US, "$%,d.%02d", abs / 100, abs % 100);
    return amount < 0 ? "-" + text : text;
  }

  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("amount", amount);
    o.put("currency_code", currencyCode);
    o.put("formatted_amount", formatted());
    return o;
  }
}
