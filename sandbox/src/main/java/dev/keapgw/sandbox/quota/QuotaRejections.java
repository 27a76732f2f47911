package dev.keapgw.sandbox.quota;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.SandboxConfig.QuotaLimits.RejectionBody;
import dev.keapgw.sandbox.http.ErrorBodies;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapResponse;

/** The 429 a refused request gets, in the configured style. Keap sends no Retry-After. */
final class QuotaRejections {
  private QuotaRejections() {}

  /** @param identifier the bucket that overflowed (client id, key id or tenant), as Apigee names it */
  static KeapResponse of(RejectionBody style, String identifier) {
    return switch (style) {
      case KEAP -> ErrorBodies.quotaExceeded();
      case APIGEE_FAULT -> apigee(identifier);
    };
  }

  private static KeapResponse apigee(String identifier) {
    ObjectNode root = Json.object();
    ObjectNode fault = root.putObject("fault");
    fault.put(
        "faultstring",
        "Rate limit quota violation. Quota limit exceeded. Identifier : " + identifier);
    fault.putObject("detail").put("errorcode", "policies.ratelimit.QuotaViolation");
    return KeapResponse.json(429, root);
  }
}
