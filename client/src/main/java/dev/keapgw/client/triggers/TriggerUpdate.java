package dev.keapgw.client.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.common.Body;

/** The body of {@code PATCH /triggers/{id}}: only what is set changes. */
public final class TriggerUpdate extends Body<TriggerUpdate> {
  public TriggerUpdate name(String value) {
    return set("name", value);
  }

  public TriggerUpdate description(String value) {
    return set("description", value);
  }

  public TriggerUpdate parameters(JsonNode value) {
    return set("parameters", value);
  }

  /** ENABLED or DISABLED. */
  public TriggerUpdate status(String value) {
    return set("status", value);
  }
}
