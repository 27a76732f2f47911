package dev.keapgw.gateway.mcp.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The actions an app offers, by name, and their search. Keap's come from its OpenAPI spec,
 * read once per process on first use (about a second: the spec is 1.3 MB of YAML) and shared
 * by every gateway in it.
 */
public final class ActionCatalog {
  public static final String KEAP = "keap";
  private static volatile ActionCatalog keap;

  private final String app;
  private final Map<String, Action> byName = new LinkedHashMap<>();
  private final ActionSearch search;

  public ActionCatalog(String app, List<Action> actions) {
    this.app = app;
    actions.forEach(a -> byName.put(a.name(), a));
    this.search = new ActionSearch(actions);
  }

  /** Keap's catalogue, read from the bundled spec the first time it is asked for. */
  public static ActionCatalog keap() {
    ActionCatalog c = keap;
    if (c == null) {
      synchronized (ActionCatalog.class) {
        c = keap;
        if (c == null) {
          c = keap = new ActionCatalog(KEAP, KeapSpec.load(KEAP));
        }
      }
    }
    return c;
  }

  public String app() {
    return app;
  }

  public Optional<Action> action(String name) {
    return Optional.ofNullable(name == null ? null : byName.get(name));
  }

  public int size() {
    return byName.size();
  }

  public List<Action> search(String query, int limit) {
    return search.search(query, limit);
  }
}
