package dev.keapgw.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;

/** A control-plane answer: a status and a JSON body. */
public record Reply(int status, JsonNode body) {
  public static Reply ok(JsonNode body) {
    return new Reply(200, body);
  }

  public static Reply created(JsonNode body) {
    return new Reply(201, body);
  }
}
