package dev.keapgw.gateway.trigger.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A destination's {@code body_template} with Maton's placeholders: {@code {{ payload }}},
 * {@code {{ payload.a.b }}}, {@code {{ trigger_id }}}, {@code {{ event_id }}},
 * {@code {{ source }}}, {@code {{ event_type }}}, {@code {{ received_at }}}.
 *
 * <p>A placeholder whose value is a string is replaced by the string's characters escaped as
 * inside a JSON string (so {@code "{{ event_type }}"} stays valid JSON whatever the value);
 * any other value (an object, array, number, boolean) by its JSON; a path that leads nowhere
 * by {@code null}.
 */
public final class BodyTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");
  private static final List<String> FIELDS =
      List.of("trigger_id", "event_id", "source", "event_type", "received_at");

  private BodyTemplate() {}

  /** Why the template cannot be used (an unknown placeholder), or null when it can. */
  public static String problem(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      String name = m.group(1);
      if (!name.equals("payload") && !name.startsWith("payload.") && !FIELDS.contains(name)) {
        return "unknown placeholder {{ " + name
            + " }} in body_template: use payload, payload.<path>, " + String.join(", ", FIELDS);
      }
    }
    return null;
  }

  /** The body for one event: {@code event} is the default body, whose fields the placeholders name. */
  public static byte[] render(String template, ObjectNode event) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(valueOf(m.group(1), event)));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String valueOf(String name, ObjectNode event) {
    JsonNode v = event;
    for (String part : name.split("\\.")) {
      v = v == null ? null : v.get(part);
    }
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isTextual()) {
      String quoted = new String(Json.bytes(v), StandardCharsets.UTF_8);
      return quoted.substring(1, quoted.length() - 1);
    }
    return new String(Json.bytes(v), StandardCharsets.UTF_8);
  }
}
