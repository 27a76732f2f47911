package dev.keapgw.client.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.http.JsonApi;
import java.util.ArrayList;
import java.util.List;

/** A trigger's destinations ({@code /triggers/{id}/destinations}); secrets masked except where said. */
public final class DestinationsApi {
  private final JsonApi control;

  DestinationsApi(JsonApi control) {
    this.control = control;
  }

  public List<Destination> list(String triggerId) {
    JsonNode answer = control.get(base(triggerId), JsonNode.class);
    List<Destination> out = new ArrayList<>();
    answer
        .path("destinations")
        .forEach(d -> out.add(control.mapper().convertValue(d, Destination.class)));
    return out;
  }

  /** Adds one; its {@code signingSecret} is in full in this answer only. */
  public Destination add(String triggerId, DestinationInput destination) {
    return unwrap(control.post(base(triggerId), destination, JsonNode.class));
  }

  public Destination get(String triggerId, String destinationId) {
    return unwrap(control.get(path(triggerId, destinationId), JsonNode.class));
  }

  /** Changes what is set in {@code changes}; {@code status("ENABLED")} re-enables a disabled one. */
  public Destination update(String triggerId, String destinationId, DestinationInput changes) {
    return unwrap(control.patch(path(triggerId, destinationId), changes, JsonNode.class));
  }

  public Destination delete(String triggerId, String destinationId) {
    return unwrap(control.send(
        "DELETE",
        path(triggerId, destinationId),
        List.of(),
        null,
        control.mapper().constructType(JsonNode.class)));
  }

  /** A new signing secret, returned this once; the old one stops signing at once. */
  public String rotateSecret(String triggerId, String destinationId) {
    JsonNode answer = control.post(
        path(triggerId, destinationId) + "/rotate-secret", java.util.Map.of(), JsonNode.class);
    return answer.path("signing_secret").asText();
  }

  private static String base(String triggerId) {
    return TriggersApi.path(triggerId) + "/destinations";
  }

  private static String path(String triggerId, String destinationId) {
    return base(triggerId) + "/" + JsonApi.segment(destinationId);
  }

  private Destination unwrap(JsonNode answer) {
    return control.mapper().convertValue(answer.path("destination"), Destination.class);
  }
}
