package dev.keapgw.client.support;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The 57 operations of the seed (method and path under {@code /crm/rest}), to check that a
 * test reached every one: each recorded request is matched to the operation it is.
 */
public final class SeedOperations {
  public static final List<String> ALL = List.of(
      "GET /v2/oauth/connect/userinfo",
      "GET /v2/contacts",
      "POST /v2/contacts",
      "GET /v2/contacts/{id}",
      "PATCH /v2/contacts/{id}",
      "DELETE /v2/contacts/{id}",
      "GET /v2/contacts/{id}/notes",
      "POST /v2/contacts/{id}/notes",
      "GET /v2/companies",
      "POST /v2/companies",
      "GET /v2/companies/{id}",
      "PATCH /v2/companies/{id}",
      "DELETE /v2/companies/{id}",
      "GET /v2/tags",
      "POST /v2/tags",
      "GET /v2/tags/{id}",
      "PATCH /v2/tags/{id}",
      "DELETE /v2/tags/{id}",
      "GET /v2/tags/{id}/contacts",
      "POST /v2/tags/{id}/contacts:applyTags",
      "POST /v2/tags/{id}/contacts:removeTags",
      "GET /v2/tags/categories",
      "POST /v2/tags/categories",
      "GET /v2/tasks",
      "POST /v2/tasks",
      "GET /v2/tasks/{id}",
      "PATCH /v2/tasks/{id}",
      "DELETE /v2/tasks/{id}",
      "GET /v2/opportunities",
      "POST /v2/opportunities",
      "GET /v2/opportunities/{id}",
      "PATCH /v2/opportunities/{id}",
      "DELETE /v2/opportunities/{id}",
      "GET /v2/opportunities/stages",
      "GET /v2/orders",
      "POST /v2/orders",
      "GET /v2/orders/{id}",
      "POST /v2/orders/{id}/items",
      "GET /v2/products",
      "POST /v2/products",
      "GET /v2/products/{id}",
      "GET /v2/campaigns",
      "GET /v2/campaigns/{id}",
      "GET /v2/campaigns/{id}/sequences",
      "POST /v2/campaigns/{id}/sequences/{id}:addContacts",
      "POST /v2/campaigns/{id}/sequences/{id}:removeContacts",
      "GET /v2/emails",
      "GET /v2/emails/{id}",
      "POST /v2/emails:send",
      "GET /v2/users",
      "GET /v2/users/{id}",
      "GET /v2/subscriptions",
      "GET /v2/subscriptions/{id}",
      "GET /v2/affiliates",
      "GET /v2/affiliates/{id}",
      "GET /v2/automations",
      "GET /v2/automations/{id}");

  private static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();

  static {
    for (String op : ALL) {
      String[] parts = op.split(" ", 2);
      // Literal segments (stages, categories) must win over {id}: they are tried first below.
      String regex = Pattern.quote(parts[1]).replace("{id}", "\\E[^/:]+\\Q");
      PATTERNS.put(op, Pattern.compile(parts[0] + " " + regex));
    }
  }

  private SeedOperations() {}

  /** The operations among these requests ({@code METHOD /full/path}), given the API base path to strip. */
  public static Set<String> reached(List<RecordingHttpClient.Sent> sent, String basePath) {
    Set<String> out = new LinkedHashSet<>();
    for (RecordingHttpClient.Sent s : sent) {
      String path = s.uri().getRawPath();
      if (!path.startsWith(basePath) || s.status() >= 400) {
        continue;
      }
      String key = s.method() + " " + path.substring(basePath.length());
      String literal = ALL.contains(key) ? key : null;
      if (literal != null) {
        out.add(literal);
        continue;
      }
      PATTERNS.forEach((op, p) -> {
        if (p.matcher(key).matches()) {
          out.add(op);
        }
      });
    }
    return out;
  }
}
