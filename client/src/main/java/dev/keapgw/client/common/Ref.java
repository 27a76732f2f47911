package dev.keapgw.client.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A reference to another record by id, as Keap nests it: {@code {"id":"7"}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ref(String id) {

  public static Ref of(String id) {
    return new Ref(id);
  }
}
