package dev.keapgw.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The gateway's one JSON mapper and the parsing of caller bodies into clear 400s. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  /**
   * Reads callers' bodies strictly: a key given twice or anything after the value (a second
   * document, garbage) is refused, so that the gateway and any other reader of the same bytes
   * cannot see different requests.
   */
  private static final ObjectReader CALLER = MAPPER
      .reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A caller's body as a JSON object; an empty body is an empty object. Invalid JSON, a key
   * given twice, anything after the object, or another JSON type answers 400.
   */
  public static ObjectNode callerObject(Buffer body) {
    if (body == null || body.length() == 0) {
      return object();
    }
    JsonNode node;
    try {
      node = CALLER.readTree(body.getBytes());
    } catch (JsonProcessingException e) {
      throw GatewayException.badRequest(
          "The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw GatewayException.badRequest("The request body could not be read");
    }
    if (node == null || node.isMissingNode()) {
      return object();
    }
    if (!node.isObject()) {
      throw GatewayException.badRequest("The request body must be a JSON object");
    }
    return (ObjectNode) node;
  }
}
