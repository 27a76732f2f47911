package dev.keapgw.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for the CRM resource tests: query encoding, page walks and contact ids. */
public final class CrmTestSupport {
  private CrmTestSupport() {}

  /** A query value percent-encoded the way Keap's Java client sends it. */
  public static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Follows {@code next_page_token} from the first page to the last, checking every page is
   * 200 and holds at most {@code pageSize} items, and returns the items in the order served.
   */
  public static List<JsonNode> walk(TestHttp api, String path, String itemsKey, int pageSize) {
    List<JsonNode> all = new ArrayList<>();
    String sep = path.contains("?") ? "&" : "?";
    String token = "";
    int pages = 0;
    do {
      TestHttp.Reply r = api.get(path + sep + "page_size=" + pageSize
          + (token.isEmpty() ? "" : "&page_token=" + q(token)));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode items = r.json().get(itemsKey);
      assertThat(items.size()).isLessThanOrEqualTo(pageSize);
      items.forEach(all::add);
      token = r.json().path("next_page_token").asText("");
      assertThat(++pages).as("page walk does not end").isLessThan(10_000);
    } while (!token.isEmpty());
    return all;
  }

  public static List<String> ids(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.path("id").asText()));
    return out;
  }

  public static List<String> ids(List<JsonNode> items) {
    return items.stream().map(i -> i.path("id").asText()).toList();
  }

  /** Whether this build emulates contacts (the contacts module may live on another branch). */
  public static boolean contactsEmulated(TestHttp api) {
    return api.get("/contacts?page_size=1").status() == 200;
  }

  /** An existing contact's id when contacts are emulated; else "1", which cannot be checked. */
  public static String someContactId(TestHttp api) {
    TestHttp.Reply r = api.get("/contacts?page_size=1");
    if (r.status() == 200 && r.json().path("contacts").size() > 0) {
      return r.json().at("/contacts/0/id").asText();
    }
    return "1";
  }
}
