package dev.keapgw.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.cli.CliFailure;
import dev.keapgw.cli.ExitCodes;
import dev.keapgw.cli.Session;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keap api METHOD PATH}: any call of Keap's API, for the operations without a command of
 * their own. The path is Keap's ({@code /v2/contacts/1}); the prefixes {@code /crm/rest} and
 * {@code /keap/crm/rest} are accepted too. The answer is printed as JSON.
 */
@Command(
    name = "api",
    description = {
      "Call any path of Keap's API. The answer is printed as JSON"
          + " (pretty, or one line with -o jsonl)."
    },
    footer = {
      "",
      "Examples:",
      "  keap api GET /v2/contacts/1",
      "  keap api GET /v2/contacts -q page_size=2 -q 'filter=given_name==Jo*'",
      "  keap api PATCH /v2/contacts/1 --data '{\"job_title\":\"Engineer\"}'"
    })
public final class ApiCommand implements Callable<Integer> {
  private final Session s;

  @Parameters(index = "0", paramLabel = "METHOD", description = "GET, POST, PATCH, PUT or DELETE")
  String method;

  @Parameters(index = "1", paramLabel = "PATH", description = "e.g. /v2/contacts?page_size=5")
  String path;

  @Option(
      names = {"-d", "--data"},
      paramLabel = "JSON|@FILE",
      description = "the body: JSON itself, @file, or @-")
  String data;

  @Option(
      names = {"-q", "--query"},
      paramLabel = "NAME=VALUE",
      description = "a query parameter (encoded here); repeatable")
  List<String> query = new ArrayList<>();

  public ApiCommand(Session s) {
    this.s = s;
  }

  @Override
  public Integer call() throws IOException {
    String m = method.toUpperCase(Locale.ROOT);
    if (!List.of("GET", "POST", "PATCH", "PUT", "DELETE").contains(m)) {
      throw CliFailure.usage(
          "'" + method + "' is not a method keap sends", "use GET, POST, PATCH, PUT or DELETE");
    }
    JsonNode body = data == null ? null : s.data(data, false);
    List<Map.Entry<String, String>> params = new ArrayList<>();
    for (String q : query) {
      int eq = q.indexOf('=');
      if (eq <= 0) {
        throw CliFailure.usage(
            "--query '" + q + "' is not NAME=VALUE", "e.g. --query 'filter=email==jo@example.com'");
      }
      params.add(Map.entry(q.substring(0, eq), q.substring(eq + 1)));
    }
    JsonNode answer =
        s.api().send(m, apiPath(path), params, body, s.mapper().constructType(JsonNode.class));
    if (answer != null) {
      s.rawOutput().object(answer, s.columns(null));
    } else {
      s.tell("(" + m + " " + apiPath(path) + ": done, no body)");
    }
    return ExitCodes.OK;
  }

  /** The path under Keap's {@code /crm/rest}. */
  static String apiPath(String p) {
    String path = p.startsWith("/") ? p : "/" + p;
    for (String prefix : List.of("/keap/crm/rest", "/crm/rest")) {
      if (path.startsWith(prefix + "/")) {
        return path.substring(prefix.length());
      }
    }
    return path;
  }
}
