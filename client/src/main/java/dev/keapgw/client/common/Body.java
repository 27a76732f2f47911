package dev.keapgw.client.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request body made field by field, sent with exactly the fields that were set: what a PATCH
 * needs (a field left out is left alone) and what a create wants. The typed setters name Keap's
 * fields; {@link #set} reaches any other.
 *
 * @param <S> the concrete body type, for chaining
 */
public abstract class Body<S extends Body<S>> {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /** Sets a field by its JSON name; a null value removes it from the body. */
  public S set(String jsonName, Object value) {
    if (value == null) {
      fields.remove(jsonName);
    } else {
      fields.put(jsonName, value);
    }
    return self();
  }

  /** Sends the field as JSON {@code null}. */
  public S setNull(String jsonName) {
    fields.put(jsonName, null);
    return self();
  }

  /** The fields as they will be sent. */
  @JsonValue
  public Map<String, Object> fields() {
    return Collections.unmodifiableMap(fields);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + fields;
  }
}
