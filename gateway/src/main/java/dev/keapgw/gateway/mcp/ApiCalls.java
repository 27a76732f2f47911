package dev.keapgw.gateway.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.http.Paths;
import dev.keapgw.gateway.mcp.catalog.Action;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a tool's request through the {@link DataPlane} and turns the answer into a result:
 * {@code {status, body}} as text and structured content; an app's error answer
 * ({@code isError}, with its status and body); the gateway's own refusal ({@code isError}, its
 * text saying what to do, with the connect url where there is one).
 */
final class ApiCalls {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");
  private final DataPlane dataPlane;
  private final ConnectionService connections;
  private final McpAccess access;

  ApiCalls(DataPlane dataPlane, ConnectionService connections, McpAccess access) {
    this.dataPlane = dataPlane;
    this.connections = connections;
    this.access = access;
  }

  /** Runs an action with its path parameters, query and body, as {@code tool}. */
  ToolResults.Answer run(
      McpCaller caller,
      String tool,
      Action act,
      Map<String, Object> pathParams,
      Map<String, Object> query,
      Object body,
      String connection) {
    if (!act.readOnly()) {
      access.requireWrite(
          caller,
          tool.equals("run_action")
              ? "run_action " + act.name() + " (" + act.method() + ")"
              : tool + " (" + act.method() + ")");
    }
    if (body != null && act.body() == null) {
      throw ToolFailure.invalid(
          act.name() + " takes no body (" + act.method() + " " + act.path() + ").");
    }
    if (body != null && !act.jsonBody()) {
      throw ToolFailure.invalid(act.name() + " sends its body as " + act.bodyContentType()
          + ", which tools cannot send: call the HTTP data plane directly.");
    }
    if (body == null && act.bodyRequired()) {
      throw ToolFailure.invalid(
          act.name() + " needs a body: get_action " + act.name() + " shows its schema.");
    }
    return send(
        caller,
        new DataPlane.Call(
            act.method(),
            fill(act, pathParams),
            QueryString.encode(query),
            json(body),
            connection,
            tool));
  }

  /** Sends a request already in data-plane terms (the {@code api} tool). */
  ToolResults.Answer raw(
      McpCaller caller,
      String method,
      String path,
      Map<String, Object> query,
      Object body,
      String connection) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      access.requireWrite(caller, "api " + method + " " + path);
    }
    return send(
        caller,
        new DataPlane.Call(method, path, QueryString.encode(query), json(body), connection, "api"));
  }

  private ToolResults.Answer send(McpCaller caller, DataPlane.Call call) {
    AnswerJson answer = AnswerJson.read(dataPlane.send(caller, call), caller.requestId());
    if (answer.gatewayError() != null) {
      return new ToolResults.Answer(
          ToolResults.json(
              answer.result(), true, gatewaySummary(caller, call, answer.gatewayError())),
          "gateway_error");
    }
    if (answer.appError()) {
      return new ToolResults.Answer(
          ToolResults.json(
              answer.result(),
              true,
              "The app answered " + answer.status() + " to " + call.method() + " " + call.path()
                  + "; its answer is below."),
          "app_error");
    }
    return new ToolResults.Answer(ToolResults.json(answer.result(), false, null), "ok");
  }

  /**
   * What the gateway's refusal means for the agent: its message (which names the connect url of
   * a connection that is not ready), and for "no ACTIVE connection" the urls of the account's
   * connections still waiting to be authorized, or how to make one.
   */
  private String gatewaySummary(McpCaller caller, DataPlane.Call call, JsonNode envelope) {
    JsonNode err = envelope.path("error");
    StringBuilder s = new StringBuilder("The gateway did not send ")
        .append(call.method())
        .append(' ')
        .append(call.path())
        .append(" to the app (")
        .append(err.path("status").asInt())
        .append(' ')
        .append(err.path("type").asText())
        .append("): ")
        .append(err.path("message").asText());
    if (err.path("type").asText().equals("no_active_connection")) {
      String app = Paths.firstSegment(call.path());
      boolean any = false;
      for (Connection c : connections.list(caller.principal().accountId(), app, null)) {
        if (c.status() != ConnectionStatus.ACTIVE) {
          s.append(any ? "; " : " Connections waiting to be authorized: ")
              .append(c.id())
              .append(" (")
              .append(c.status())
              .append(") connect url: ")
              .append(connections.connectUrl(c));
          any = true;
        }
      }
      s.append(
          any
              ? ". Ask the user to open one in a browser."
              : " Call create_connection {\"app\":\"" + app
                  + "\"} and ask the user to open the url it answers in a browser.");
    }
    return s.toString();
  }

  /** The action's path with each {@code {name}} replaced by its percent-encoded value. */
  static String fill(Action act, Map<String, Object> values) {
    Matcher m = PLACEHOLDER.matcher(act.path());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object v = values.get(m.group(1));
      if (v == null) {
        throw ToolFailure.invalid("path_params." + m.group(1) + " is required by " + act.name()
            + " (" + act.method() + " " + act.path() + ").");
      }
      String text = Args.scalar("path_params." + m.group(1), v);
      if (text.isEmpty()) {
        throw ToolFailure.invalid("path_params." + m.group(1) + " must not be empty.");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(QueryString.component(text)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static byte[] json(Object body) {
    if (body == null) {
      return null;
    }
    try {
      return Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw ToolFailure.invalid("'body' cannot be written as JSON: " + e.getOriginalMessage());
    }
  }
}
