package dev.keapgw.client.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.client.list.Page;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one list answer, {@code {"<itemsKey>":[...],"next_page_token":"...", ...}}, with a
 * streaming parser: each item goes straight into its type, with no tree of the whole page in
 * between. Other top-level fields are kept as {@link Page#extras()}.
 */
final class PageReader<T> {
  private final ObjectMapper mapper;
  private final String itemsKey;
  private final JavaType itemType;

  PageReader(ObjectMapper mapper, String itemsKey, JavaType itemType) {
    this.mapper = mapper;
    this.itemsKey = itemsKey;
    this.itemType = itemType;
  }

  Page<T> read(InputStream in) throws IOException {
    List<T> items = new ArrayList<>();
    String token = "";
    Map<String, JsonNode> extras = new LinkedHashMap<>();
    try (JsonParser p = mapper.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a list answer must be a JSON object with '" + itemsKey + "'");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals(itemsKey) && value == JsonToken.START_ARRAY) {
          JsonToken next;
          while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            if (next == null) {
              throw new JsonEOFException(
                  p, null, "the list answer ended inside '" + itemsKey + "'");
            }
            items.add(mapper.readValue(p, itemType));
          }
        } else if (name.equals("next_page_token")) {
          token = value == JsonToken.VALUE_NULL ? "" : p.getValueAsString("");
        } else {
          extras.put(name, mapper.readTree(p));
        }
      }
      if (t != JsonToken.END_OBJECT) {
        // The body stopped before its closing brace: a connection cut short, worth another try.
        throw new JsonEOFException(p, t, "the list answer ended before its end");
      }
    }
    return new Page<>(items, token, extras);
  }
}
