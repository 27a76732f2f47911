package dev.keapgw.sandbox.quota;

import dev.keapgw.sandbox.http.Caller;
import java.util.Map;

/** Counts a request against its caller's quotas (per OAuth client or key, and per tenant). */
public interface QuotaCheck {
  QuotaDecision consume(Caller caller);

  /** Headers for answers that reach no quota, such as a 401: the names, with blank values. */
  Map<String, String> blankHeaders();
}
