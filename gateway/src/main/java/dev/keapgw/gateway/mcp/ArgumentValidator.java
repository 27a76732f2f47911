package dev.keapgw.gateway.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's schema checks, where they earn their cost: a tool's arguments, which come from the
 * caller, are checked against its input schema by the SDK's validator; a result of this
 * gateway's own making ({@link ToolResults.JsonText}) is not checked against the tool's output
 * schema on every call. Those results are built to their schema ({@code {status, body}} and the
 * control tools' shapes), and the tests check them with the SDK's client, which validates
 * results against the listed output schemas. Checking each one here cost converting the whole
 * answer (the app's body included) to a tree: about a sixth of a tool call's CPU time.
 */
final class ArgumentValidator implements JsonSchemaValidator {
  private final JsonSchemaValidator sdk;

  ArgumentValidator(JsonSchemaValidator sdk) {
    this.sdk = sdk;
  }

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object value) {
    if (value instanceof ToolResults.JsonText own) {
      return ValidationResponse.asValid(own.json());
    }
    return sdk.validate(schema, value);
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return sdk.validateSchema(schema);
  }
}
