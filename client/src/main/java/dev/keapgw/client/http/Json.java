package dev.keapgw.client.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.function.Supplier;

/** The client's Jackson configuration. */
public final class Json {
  private Json() {}

  /** A mapper made on first use, then shared. */
  public static Supplier<ObjectMapper> lazyMapper() {
    return new Supplier<>() {
      private volatile ObjectMapper made;

      @Override
      public ObjectMapper get() {
        ObjectMapper m = made;
        if (m == null) {
          synchronized (this) {
            if (made == null) {
              made = newMapper();
            }
            m = made;
          }
        }
        return m;
      }
    };
  }

  /**
   * A mapper that ignores fields it does not know (so a field Keap adds tomorrow breaks
   * nothing), leaves null record fields out of request bodies, and keeps explicit nulls a
   * request body sets on purpose.
   */
  public static ObjectMapper newMapper() {
    ObjectMapper m = new ObjectMapper();
    m.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    m.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
    m.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
    m.setDefaultPropertyInclusion(
        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
    return m;
  }
}
