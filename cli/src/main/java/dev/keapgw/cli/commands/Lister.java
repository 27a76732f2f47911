package dev.keapgw.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.cli.ExitCodes;
import dev.keapgw.cli.Session;
import dev.keapgw.cli.output.Column;
import dev.keapgw.cli.output.ListSink;
import dev.keapgw.cli.output.OutputFormat;
import dev.keapgw.cli.output.Progress;
import dev.keapgw.client.list.Page;
import dev.keapgw.client.list.Paged;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs a list: one page, or with --all every page, each item written as soon as its page has
 * arrived. Only one page is held at a time, so a list of any length runs in a small heap.
 */
final class Lister {
  private Lister() {}

  static int run(
      Session s,
      String path,
      String itemsKey,
      ListOptions o,
      List<Column> columns,
      String noun,
      int maxPageSize)
      throws IOException {
    if (s.format(true) == OutputFormat.JSONL && o.limit == null) {
      Progress progress = o.all ? s.progress(noun) : s.progress(noun).disabled();
      String next = new JsonLinesExport(s)
          .run(path, itemsKey, o.query(maxPageSize), o.pageToken, o.all, progress, s.out());
      moreHint(s, o, next, noun, 0);
      return ExitCodes.OK;
    }
    Paged<JsonNode> paged =
        s.api().list(path, itemsKey, o.query(maxPageSize), JsonNode.class, o.pageToken);
    ListSink sink = s.output(true).list(s.columns(columns));
    Progress progress = o.all ? s.progress(noun) : s.progress(noun).disabled();
    String next = "";
    long n = 0;
    pages:
    for (Page<JsonNode> page : paged.pages()) {
      progress.total(total(page.extras()));
      for (JsonNode item : page.items()) {
        if (o.limit != null && n >= o.limit) {
          break pages;
        }
        sink.add(item);
        n++;
      }
      progress.update(n);
      next = page.nextPageToken();
      if ((!o.all && (o.limit == null || n >= o.limit)) || s.stdoutGone()) {
        break;
      }
    }
    sink.finish();
    progress.done(n);
    moreHint(s, o, next, noun, n);
    return ExitCodes.OK;
  }

  private static void moreHint(Session s, ListOptions o, String next, String noun, long n) {
    if (!o.all && next != null && !next.isEmpty() && (o.limit == null || n < o.limit)) {
      s.tell("(more " + noun + ": --all for every page, or --page-token " + next + ")");
    }
  }

  /** A list's total, when Keap gives one (automations do). */
  private static Long total(Map<String, JsonNode> extras) {
    for (Map.Entry<String, JsonNode> e : extras.entrySet()) {
      if (e.getKey().endsWith("_count") && e.getValue().canConvertToLong()) {
        return e.getValue().asLong();
      }
    }
    return null;
  }
}
