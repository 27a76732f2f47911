package dev.keapgw.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Assertions on a connection's JSON: every Maton field present, in Maton's formats. */
public final class ConnectionShape {
  public static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";
  public static final List<String> FIELDS = List.of(
      "connection_id",
      "status",
      "creation_time",
      "last_updated_time",
      "url",
      "app",
      "method",
      "metadata",
      "failure_reason");

  private ConnectionShape() {}

  /** Every field present, formats right, and the status as given; the url a connect link. */
  public static void assertShape(JsonNode c, String status) {
    for (String f : FIELDS) {
      assertThat(c.has(f)).as("field %s in %s", f, c).isTrue();
    }
    assertThat(c.path("connection_id").asText()).matches("[0-9a-f-]{36}");
    assertThat(c.path("status").asText()).isEqualTo(status);
    assertThat(c.path("creation_time").asText()).matches(TIME);
    assertThat(c.path("last_updated_time").asText()).matches(TIME);
    assertThat(c.path("app").asText()).isEqualTo("keap");
    assertThat(c.path("method").asText()).isEqualTo("OAUTH2");
    assertThat(c.path("metadata").isObject()).isTrue();
    // Maton always shows a url; an ACTIVE connection's is live only after its owner asks to
    // reconnect
    assertThat(c.path("url").asText())
        .contains(status.equals("ACTIVE") ? "/connect?" : "/connect?session_token=");
  }
}
