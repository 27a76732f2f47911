package dev.keapgw.gateway.mcp;

import static dev.keapgw.gateway.mcp.Schemas.object;
import static dev.keapgw.gateway.mcp.Schemas.prop;
import static dev.keapgw.gateway.mcp.Schemas.string;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.mcp.catalog.Action;
import dev.keapgw.gateway.mcp.catalog.ActionCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finding what to call: {@code search_apps}, {@code search_actions} ({@code {"actions":[{action,
 * method, path, summary}]}}, best first) and {@code get_action} (an action's parameters and body
 * schema, from the app's OpenAPI spec).
 */
final class ActionTools {
  static final int DEFAULT_LIMIT = 10;
  private final Set<String> apps;
  private final Catalogs catalogs;

  /** The action catalogue of each app that has one (Keap's, from its spec). */
  interface Catalogs {
    ActionCatalog of(String app);
  }

  ActionTools(Set<String> apps, Catalogs catalogs) {
    this.apps = apps;
    this.catalogs = catalogs;
  }

  List<McpTool> tools() {
    return List.of(
        new McpTool(
            "search_apps",
            "Search apps",
            "The apps this gateway serves (keap), with how many actions" + " each offers.",
            prop(object(), "query", string(), "words of the app's name; empty for all", false),
            object(),
            McpTool.Hints.READ,
            false,
            (c, a) -> searchApps(a)),
        new McpTool(
            "search_actions",
            "Search actions",
            "Finds an app's API operations by what they do, e.g."
                + " app=keap query=\"apply tag to contacts\". Answers {actions:[{action, method, path, summary}]},"
                + " best first; call get_action for one's parameters, then run_action.",
            prop(
                prop(
                    prop(object(), "app", string(), "the app, e.g. keap", true),
                    "query",
                    string(),
                    "what you want to do, in words",
                    true),
                "limit",
                Schemas.integer().put("minimum", 1).put("maximum", 50),
                "how many actions at most (default " + DEFAULT_LIMIT + ")",
                false),
            object(),
            McpTool.Hints.READ,
            false,
            (c, a) -> searchActions(a)),
        new McpTool(
            "get_action",
            "Get an action",
            "One action in full: method, data-plane path, its path and"
                + " query parameters and the JSON schema of its body, from the app's OpenAPI spec.",
            prop(
                prop(
                    object(),
                    "action",
                    string(),
                    "the action's name from search_actions, e.g. applyTags",
                    true),
                "app",
                string(),
                "the app (default keap)",
                false),
            object(),
            McpTool.Hints.READ,
            false,
            (c, a) -> getAction(a)));
  }

  private ToolResults.Answer searchApps(Args a) {
    String q = a.optionalText("query");
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("apps");
    apps.stream()
        .sorted()
        .filter(app -> q == null
            || q.isBlank()
            || app.contains(q.trim().toLowerCase(Locale.ROOT))
            || q.toLowerCase(Locale.ROOT).contains(app))
        .forEach(app -> {
          ObjectNode o = list.addObject().put("app", app);
          ActionCatalog cat = catalogs.of(app);
          o.put("actions", cat == null ? 0 : cat.size());
          o.put("data_plane", "/" + app + "/...");
        });
    return ToolResults.ok(out);
  }

  private ToolResults.Answer searchActions(Args a) {
    ActionCatalog cat = catalog(a.text("app"));
    int limit = a.integer("limit", DEFAULT_LIMIT, 1, 50);
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("actions");
    for (Action act : cat.search(a.text("query"), limit)) {
      list.addObject()
          .put("action", act.name())
          .put("method", act.method())
          .put("path", act.path())
          .put("summary", act.summary());
    }
    return ToolResults.ok(out);
  }

  private ToolResults.Answer getAction(Args a) {
    String app = a.optionalText("app") == null ? ActionCatalog.KEAP : a.optionalText("app");
    return ToolResults.ok(describe(app, action(catalog(app), a.text("action"))));
  }

  /** The named action of the catalogue; an unknown name is the caller's mistake, with the way to find one. */
  static Action action(ActionCatalog cat, String name) {
    return cat.action(name)
        .orElseThrow(
            () -> ToolFailure.invalid(
                "Unknown action '" + name + "' of app '" + cat.app()
                    + "': find one with search_actions (action names look like listContacts or applyTags)."));
  }

  ActionCatalog catalog(String app) {
    if (!apps.contains(app)) {
      throw ToolFailure.invalid("Unknown app '" + app + "': this gateway serves "
          + String.join(", ", apps.stream().sorted().toList()) + ".");
    }
    ActionCatalog cat = catalogs.of(app);
    if (cat == null) {
      throw ToolFailure.invalid(
          "App '" + app + "' has no action catalogue here: call its API with the api tool.");
    }
    return cat;
  }

  static ObjectNode describe(String app, Action act) {
    ObjectNode o = Json.object()
        .put("action", act.name())
        .put("app", app)
        .put("method", act.method())
        .put("path", act.path())
        .put("summary", act.summary())
        .put("description", act.description())
        .put("group", act.group());
    params(o.putArray("path_params"), act.pathParams());
    params(o.putArray("query_params"), act.queryParams());
    if (act.body() == null) {
      o.putNull("body");
    } else {
      ObjectNode body = o.putObject("body")
          .put("required", act.bodyRequired())
          .put("content_type", act.bodyContentType());
      body.set("schema", act.body());
    }
    McpTool.Hints h = McpTool.Hints.of(act.method());
    o.putObject("hints")
        .put("read_only", h.readOnly())
        .put("destructive", h.destructive())
        .put("idempotent", h.idempotent());
    return o;
  }

  private static void params(ArrayNode into, List<Action.Param> params) {
    for (Action.Param p : params) {
      ObjectNode o = into.addObject().put("name", p.name()).put("required", p.required());
      if (!p.description().isEmpty()) {
        o.put("description", p.description());
      }
      if (p.schema() != null) {
        o.set("schema", p.schema());
      }
    }
  }
}
