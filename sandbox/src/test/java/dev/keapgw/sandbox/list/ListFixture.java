package dev.keapgw.sandbox.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Caller;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.store.Journal;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.World;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small in-memory table of {id, name, n} rows and a list spec over it, for list-engine tests. */
final class ListFixture {
  static final ListSpec SPEC = ListSpec.of(
      "item",
      "items",
      List.of(
          FilterField.indexedText("name", true, row -> List.of(row.path("name").asText())),
          FilterField.number("n", Op.ALL, row -> row.path("n").asText()),
          FilterField.exact("ids", row -> List.of(row.path("id").asText()))),
      List.of(
          OrderField.id(),
          OrderField.text("name", "name"),
          new OrderField("n", row -> row.path("n").asLong())));

  final World world = new World(
      List.of(TableSpec.indexed("items", "name", row -> List.of(row.path("name").asText()))),
      Journal.NONE,
      Clock.systemUTC());
  final Table table = world.tenant("t1").table("items");
  final Lister lister =
      new Lister(new PageToken("secret-for-tests".getBytes(StandardCharsets.UTF_8)));

  long add(String name, long n) {
    ObjectNode row = Json.object();
    row.put("name", name);
    row.put("n", n);
    return table.insert(row);
  }

  /** One page for the query string {@code query} (already percent-encoded), as tenant t1. */
  JsonNode page(String query) {
    return page(query, "t1");
  }

  JsonNode page(String query, String tenant) {
    KeapRequest req = new KeapRequest("GET", "/items", query, Map.of(), null, "127.0.0.1");
    req.caller(new Caller(tenant, "1", "client", Caller.Kind.OAUTH));
    return lister.list(req, SPEC, Lister.Source.all(table), row -> row);
  }

  /** Every id of every page of a walk with the given base query, following tokens. */
  List<Long> walk(String query) {
    List<Long> ids = new ArrayList<>();
    String token = "";
    do {
      JsonNode p = page(query + (token.isEmpty() ? "" : "&page_token=" + token));
      p.get("items").forEach(i -> ids.add(i.get("id").asLong()));
      token = p.get("next_page_token").asText();
    } while (!token.isEmpty());
    return ids;
  }
}
