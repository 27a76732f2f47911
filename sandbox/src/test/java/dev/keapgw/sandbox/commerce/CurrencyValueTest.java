package dev.keapgw.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CurrencyValueTest {
  @Test
  void formatsCentsAsUsDollars() {
    assertThat(CurrencyValue.usd(1250).formatted()).isEqualTo("$12.50");
    assertThat(CurrencyValue.usd(5).formatted()).isEqualTo("$0.05");
    assertThat(CurrencyValue.usd(123_456_789).formatted()).isEqualTo("$1,234,567.89");
    assertThat(CurrencyValue.usd(-500).formatted()).isEqualTo("-$5.00");
  }

  @Test
  void readsMajorUnitsWithoutBinaryRoundingErrors() {
    assertThat(CurrencyValue.ofMajor(29.99).amount()).isEqualTo(2999);
    assertThat(CurrencyValue.ofMajor(0.1 + 0.2).amount()).isEqualTo(30);
    assertThat(CurrencyValue.ofMajor(1.005).amount()).isEqualTo(101);
    assertThat(CurrencyValue.usd(2999).major()).isEqualTo(29.99);
    assertThatThrownBy(() -> CurrencyValue.ofMajor(1e300)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void jsonHasTheSpecsThreeFields() {
    var json = CurrencyValue.usd(10_000).toJson();
    assertThat(json.get("amount").asLong()).isEqualTo(10_000);
    assertThat(json.get("currency_code").asText()).isEqualTo("USD");
    assertThat(json.get("formatted_amount").asText()).isEqualTo("$100.00");
    assertThat(json.size()).isEqualTo(3);
  }
}
