package dev.keapgw.sandbox.quota;

import dev.keapgw.sandbox.http.Caller;
import java.util.Map;

/** TEMPORARY until the quota module lands: counts nothing. */
public final class Unlimited implements QuotaCheck {
  @Override
  public QuotaDecision consume(Caller caller) {
    return QuotaDecision.allow(Map.of());
  }

  @Override
  public Map<String, String> blankHeaders() {
    return Map.of();
  }
}
