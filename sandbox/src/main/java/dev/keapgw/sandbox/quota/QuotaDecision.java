package dev.keapgw.sandbox.quota;

import dev.keapgw.sandbox.http.KeapResponse;
import java.util.Map;

/** Whether one request fits the caller's quotas, and the {@code x-keap-*} headers to send. */
public record QuotaDecision(boolean allowed, Map<String, String> headers, KeapResponse rejection) {
  public static QuotaDecision allow(Map<String, String> headers) {
    return new QuotaDecision(true, headers, null);
  }
}
