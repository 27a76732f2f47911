package dev.keapgw.client.triggers;

import dev.keapgw.client.common.Body;
import java.util.Map;

/**
 * A destination to add ({@code url} required) or the fields of one to change (PATCH: what is
 * not set is left alone; {@code status("ENABLED")} re-enables a disabled destination).
 */
public final class DestinationInput extends Body<DestinationInput> {
  public DestinationInput url(String value) {
    return set("url", value);
  }

  /** POST (the default), PUT or PATCH. */
  public DestinationInput method(String value) {
    return set("method", value);
  }

  public DestinationInput name(String value) {
    return set("name", value);
  }

  public DestinationInput headers(Map<String, String> value) {
    return set("headers", value);
  }

  /** A body with Maton's placeholders, e.g. {@code {"text":"{{ event_type }}"}} (docs/TRIGGERS.md). */
  public DestinationInput bodyTemplate(String value) {
    return set("body_template", value);
  }

  /** ENABLED or DISABLED (updates only). */
  public DestinationInput status(String value) {
    return set("status", value);
  }
}
