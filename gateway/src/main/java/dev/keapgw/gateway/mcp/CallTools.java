package dev.keapgw.gateway.mcp;

import static dev.keapgw.gateway.mcp.Schemas.object;
import static dev.keapgw.gateway.mcp.Schemas.prop;
import static dev.keapgw.gateway.mcp.Schemas.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.http.Paths;
import dev.keapgw.gateway.mcp.catalog.ActionCatalog;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The generic tools that call an app: {@code run_action} (an action from its catalogue, with
 * path parameters, query and body) and {@code api} (any method and data-plane path: the raw
 * data plane). Both answer {@code {status, body}}.
 */
final class CallTools {
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private final ApiCalls calls;
  private final ActionTools actions;
  private final Set<String> apps;

  CallTools(ApiCalls calls, ActionTools actions, Set<String> apps) {
    this.calls = calls;
    this.actions = actions;
    this.apps = apps;
  }

  /** The {@code connection} argument every calling tool takes. */
  static ObjectNode withConnection(ObjectNode schema) {
    return prop(
        schema,
        "connection",
        string(),
        "the connection id to use (as the Maton-Connection header);"
            + " default: the account's oldest ACTIVE connection to the app",
        false);
  }

  List<McpTool> tools() {
    ObjectNode runInput = object();
    prop(
        runInput,
        "action",
        string(),
        "the action's name, from search_actions (e.g. listContacts)",
        true);
    prop(runInput, "app", string(), "the app (default keap)", false);
    prop(
        runInput,
        "path_params",
        Schemas.anyObject(),
        "values for the {placeholders} of the action's path," + " e.g. {\"tag_id\":\"93\"}",
        false);
    prop(
        runInput,
        "query",
        Schemas.queryObject(),
        "query parameters, e.g. {\"page_size\":10}",
        false);
    prop(
        runInput,
        "body",
        Schemas.anyJson(),
        "the JSON body, for actions that take one (see get_action)",
        false);
    withConnection(runInput);
    ObjectNode apiInput = object();
    prop(
        apiInput,
        "method",
        Schemas.stringEnum(METHODS.stream().sorted().toArray(String[]::new)),
        "HTTP method",
        true);
    prop(
        apiInput,
        "path",
        string(),
        "the data-plane path: the app's name, then the API's path, e.g."
            + " /keap/crm/rest/v2/contacts (no query string: use 'query')",
        true);
    prop(
        apiInput,
        "query",
        Schemas.queryObject(),
        "query parameters; a list repeats the parameter",
        false);
    prop(apiInput, "body", Schemas.anyJson(), "the JSON body (not for GET)", false);
    withConnection(apiInput);
    McpTool.Hints any = new McpTool.Hints(false, true, false);
    return List.of(
        new McpTool(
            "run_action",
            "Run an action",
            "Calls one of an app's actions through the gateway (same"
                + " key, limits and connection as an HTTP call). Answers {status, body}; an error answer of the app"
                + " comes back as an error result with its status and body.",
            runInput,
            Schemas.apiAnswer(),
            any,
            false,
            this::runAction),
        new McpTool(
            "api",
            "Call the API",
            "Sends any request to an app's API through the gateway's data plane,"
                + " e.g. GET /keap/crm/rest/v2/contacts with query {\"page_size\":5}. Answers {status, body}.",
            apiInput,
            Schemas.apiAnswer(),
            any,
            false,
            this::api));
  }

  private ToolResults.Answer runAction(McpCaller caller, Args a) {
    String app = a.optionalText("app") == null ? ActionCatalog.KEAP : a.optionalText("app");
    var act = ActionTools.action(actions.catalog(app), a.text("action"));
    return calls.run(
        caller,
        "run_action",
        act,
        a.object("path_params"),
        a.object("query"),
        a.raw("body"),
        a.optionalText("connection"));
  }

  private ToolResults.Answer api(McpCaller caller, Args a) {
    String method = a.text("method").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw ToolFailure.invalid("'method' must be one of GET, POST, PUT, PATCH, DELETE");
    }
    String path = a.text("path");
    if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
      throw ToolFailure.invalid(
          "'path' must not carry a query string: put the parameters in 'query'.");
    }
    // the app's name, then the API's path: "/keap" alone names no operation
    String app = path.startsWith("/") && path.indexOf('/', 1) > 0 ? Paths.firstSegment(path) : "";
    if (!apps.contains(app)) {
      throw ToolFailure.invalid(
          "'path' must be a data-plane path: the app's name, then the API's path, e.g."
              + " /keap/crm/rest/v2/contacts (apps here: "
              + String.join(", ", apps.stream().sorted().toList()) + ").");
    }
    try {
      URI.create("http://h" + path);
    } catch (IllegalArgumentException e) {
      throw ToolFailure.invalid(
          "'path' is not a valid URL path: percent-encode spaces and other special"
              + " characters.");
    }
    if (a.has("body") && method.equals("GET")) {
      throw ToolFailure.invalid("A GET request takes no 'body': put parameters in 'query'.");
    }
    return calls.raw(
        caller, method, path, a.object("query"), a.raw("body"), a.optionalText("connection"));
  }
}
