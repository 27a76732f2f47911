package dev.keapgw.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The sandbox's one JSON mapper and small node helpers. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses bytes that the sandbox wrote itself; malformed input here is a bug, not a caller error. */
  public static ObjectNode parseTrusted(byte[] bytes) {
    try {
      return (ObjectNode) MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of {@code row} with just the fields {@code order} names, in that order. */
  public static ObjectNode inOrder(ObjectNode row, List<String> order) {
    ObjectNode out = object();
    for (String f : order) {
      if (row.has(f)) {
        out.set(f, row.get(f));
      }
    }
    return out;
  }

  /** Sets a text field, unless {@code value} is null (the field is then left out). */
  public static void putText(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  /** Copies a text field from one object to another when it is there. */
  public static void copyText(ObjectNode from, ObjectNode to, String field) {
    putText(to, field, text(from, field));
  }

  /** Text of a field, or null when absent or JSON null. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
