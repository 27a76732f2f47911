package dev.keapgw.cli.commands;

import dev.keapgw.cli.CliFailure;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.OrderBy;
import java.util.Arrays;
import picocli.CommandLine.Option;

/** The options of every list: what to ask Keap for, and how much of it. */
public final class ListOptions {
  @Option(
      names = {"-f", "--filter"},
      paramLabel = "EXPR",
      description =
          "Keap's filter, e.g. \"email==jo@example.com\" or \"given_name==Jo*;family_name==Doe\"")
  String filter;

  @Option(
      names = "--order-by",
      paramLabel = "FIELD [asc|desc]",
      description = "e.g. \"create_time desc\"")
  String orderBy;

  @Option(
      names = "--fields",
      paramLabel = "NAMES",
      description = "extra fields to include, comma-separated")
  String fields;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      description = "items per request (default: Keap's; with --all the largest allowed)")
  Integer pageSize;

  @Option(
      names = {"-a", "--all"},
      description = "every page, streamed as it arrives (progress on stderr on a terminal)")
  boolean all;

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      description = "stop after N items (fetching the pages they need)")
  Long limit;

  @Option(
      names = "--page-token",
      paramLabel = "TOKEN",
      description = "start at this page (a next_page_token)")
  String pageToken;

  /** The query, with the page size: the one asked for, else the largest for --all or a --limit, else Keap's default. */
  ListQuery query(int maxPageSize) {
    ListQuery q = ListQuery.all();
    if (filter != null && !filter.isBlank()) {
      q = q.filter(filter);
    }
    if (orderBy != null && !orderBy.isBlank()) {
      try {
        q = q.orderBy(OrderBy.parse(orderBy));
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage(
            "--order-by: " + e.getMessage(),
            "write a field and a direction: --order-by \"email desc\"");
      }
    }
    if (fields != null && !fields.isBlank()) {
      q = q.fields(Arrays.stream(fields.split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList());
    }
    if (pageSize != null) {
      if (pageSize < 1 || pageSize > maxPageSize) {
        throw CliFailure.usage(
            "--page-size " + pageSize + " is out of range", "use 1 to " + maxPageSize + " here");
      }
      q = q.pageSize(pageSize);
    } else if (all) {
      q = q.pageSize(maxPageSize);
    } else if (limit != null) {
      q = q.pageSize((int) Math.max(1, Math.min(limit, maxPageSize)));
    }
    if (limit != null && limit < 0) {
      throw CliFailure.usage("--limit must not be negative", "e.g. --limit 100");
    }
    return q;
  }
}
