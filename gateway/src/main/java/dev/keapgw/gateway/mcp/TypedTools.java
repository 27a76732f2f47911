package dev.keapgw.gateway.mcp;

import static dev.keapgw.gateway.mcp.Schemas.object;
import static dev.keapgw.gateway.mcp.Schemas.prop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.mcp.catalog.Action;
import dev.keapgw.gateway.mcp.catalog.ActionCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keap's everyday operations (those the seed documents) as tools of their own, so that an
 * agent sees them without searching: {@code keap_list_contacts} and the like. Each takes the
 * action's path and query parameters as top-level arguments and its body as {@code body}, all
 * with the schemas of Keap's spec, plus {@code connection}; each answers {@code {status, body}}
 * as {@code run_action} does.
 */
final class TypedTools {
  /** Tool name to Keap operation id, in the order tools are listed. */
  static final Map<String, String> TOOLS = linked(
      "keap_get_user_info", "getUserInfo",
      "keap_list_contacts", "listContacts",
      "keap_get_contact", "getContact",
      "keap_create_contact", "createContact",
      "keap_update_contact", "updateContact",
      "keap_delete_contact", "deleteContact",
      "keap_list_contact_notes", "listNotes",
      "keap_create_contact_note", "createNote",
      "keap_list_companies", "listCompanies",
      "keap_get_company", "getCompany",
      "keap_create_company", "createCompany",
      "keap_update_company", "updateCompany",
      "keap_list_tags", "listTags",
      "keap_get_tag", "getTag",
      "keap_create_tag", "createTag",
      "keap_list_tagged_contacts", "listContactsWithTagId",
      "keap_list_contact_tags", "listTagsForContact",
      "keap_apply_tags", "applyTags",
      "keap_remove_tags", "removeTags",
      "keap_list_tasks", "listTasks",
      "keap_create_task", "createTask",
      "keap_update_task", "updateTask",
      "keap_list_opportunities", "listOpportunities",
      "keap_create_opportunity", "createOpportunity",
      "keap_list_orders", "listOrders",
      "keap_list_users", "listPaginatedUsers");

  private final ApiCalls calls;

  TypedTools(ApiCalls calls) {
    this.calls = calls;
  }

  List<McpTool> tools(ActionCatalog keap) {
    List<McpTool> out = new ArrayList<>();
    TOOLS.forEach((name, operation) -> {
      Action act = keap.action(operation)
          .orElseThrow(() -> new IllegalStateException(
              "Keap's spec lacks the operation " + operation + " of tool " + name));
      out.add(tool(name, act));
    });
    return out;
  }

  private McpTool tool(String name, Action act) {
    ObjectNode input = object();
    ObjectNode defs = input.objectNode();
    for (Action.Param p : act.pathParams()) {
      prop(input, p.name(), schema(p.schema(), defs), describe(p, "in the path"), true);
    }
    for (Action.Param p : act.queryParams()) {
      prop(input, p.name(), schema(p.schema(), defs), describe(p, "query parameter"), p.required());
    }
    if (act.jsonBody()) {
      prop(input, "body", schema(act.body(), defs), "the request body (JSON)", act.bodyRequired());
    }
    CallTools.withConnection(input);
    if (!defs.isEmpty()) {
      input.set("$defs", defs);
    }
    String description = act.summary()
        + (act.description().isEmpty() || act.description().equals(act.summary())
            ? ""
            : ": " + act.description())
        + " (" + act.method() + " " + act.path() + "; Keap action " + act.name()
        + "). Answers {status, body}.";
    McpTool.Hints hints = McpTool.Hints.of(act.method());
    return new McpTool(
        name,
        act.summary(),
        description,
        input,
        Schemas.apiAnswer(),
        hints,
        !act.readOnly(),
        (caller, args) -> call(caller, name, act, args));
  }

  private ToolResults.Answer call(McpCaller caller, String name, Action act, Args args) {
    Map<String, Object> path = new HashMap<>();
    act.pathParams().forEach(p -> path.put(p.name(), args.raw(p.name())));
    Map<String, Object> query = new LinkedHashMap<>();
    act.queryParams().forEach(p -> {
      if (args.has(p.name())) {
        query.put(p.name(), args.raw(p.name()));
      }
    });
    return calls.run(
        caller, name, act, path, query, args.raw("body"), args.optionalText("connection"));
  }

  /** A copy of the schema with its {@code $defs} moved to the tool's root (where its references point). */
  private static ObjectNode schema(ObjectNode schema, ObjectNode defs) {
    ObjectNode copy = schema == null ? Schemas.string() : schema.deepCopy();
    JsonNode own = copy.remove("$defs");
    if (own != null) {
      own.properties().forEach(e -> defs.set(e.getKey(), e.getValue()));
    }
    return copy;
  }

  private static String describe(Action.Param p, String where) {
    return p.description().isEmpty() ? where : p.description();
  }

  private static Map<String, String> linked(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
