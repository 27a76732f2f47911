package dev.keapgw.sandbox.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;

/**
 * A refusal from Keap's API gateway (Apigee) rather than from the application: answered as
 * {@code {"fault":{"faultstring":...,"detail":{"errorcode":...}}}}, before any routing.
 */
public final class FaultException extends RuntimeException {
  private final int status;
  private final String errorCode;

  public FaultException(int status, String faultString, String errorCode) {
    super(faultString, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
  }

  public static FaultException missingToken() {
    return new FaultException(401, "Invalid access token", "oauth.v2.InvalidAccessToken");
  }

  public static FaultException invalidToken() {
    return new FaultException(
        401, "Invalid Access Token", "keymanagement.service.invalid_access_token");
  }

  public static FaultException expiredToken() {
    return new FaultException(
        401, "Access Token expired", "keymanagement.service.access_token_expired");
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  public ObjectNode body() {
    ObjectNode root = Json.object();
    ObjectNode fault = root.putObject("fault");
    fault.put("faultstring", getMessage());
    fault.putObject("detail").put("errorcode", errorCode);
    return root;
  }
}
