package dev.keapgw.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.cli.ExitCodes;
import dev.keapgw.cli.Session;
import dev.keapgw.cli.output.Column;
import dev.keapgw.cli.output.ListSink;
import dev.keapgw.client.http.JsonApi;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code keap tags contacts|apply|remove}: who carries a tag, and putting it on or off contacts. */
final class TagCommands {
  private TagCommands() {}

  static void addTo(CommandLine tags, Session s) {
    tags.addSubcommand("contacts", new CommandLine(new Contacts(s)));
    tags.addSubcommand("apply", new CommandLine(new Apply(s)));
    tags.addSubcommand("remove", new CommandLine(new Remove(s)));
  }

  private static String path(String tagId) {
    return "/v2/tags/" + JsonApi.segment(tagId) + "/contacts";
  }

  @Command(
      name = "contacts",
      description = "List the contacts that carry a tag, and when it was applied.")
  static final class Contacts implements Callable<Integer> {
    private final Session s;

    @Parameters(paramLabel = "TAG_ID")
    String tagId;

    @Mixin
    ListOptions list;

    Contacts(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      return Lister.run(
          s,
          path(tagId),
          "contacts",
          list,
          Column.parseList("id,email,given_name,family_name,applied_time"),
          "contacts",
          1000);
    }
  }

  @Command(name = "apply", description = "Apply a tag to contacts; prints each contact's outcome.")
  static final class Apply implements Callable<Integer> {
    private final Session s;

    @Parameters(paramLabel = "TAG_ID")
    String tagId;

    @Mixin
    ContactIdsOption contacts;

    Apply(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      JsonNode answer = s.api()
          .post(path(tagId) + ":applyTags", Map.of("contact_ids", contacts.ids()), JsonNode.class);
      return printResults(s, answer, "results");
    }
  }

  @Command(name = "remove", description = "Remove a tag from contacts.")
  static final class Remove implements Callable<Integer> {
    private final Session s;

    @Parameters(paramLabel = "TAG_ID")
    String tagId;

    @Mixin
    ContactIdsOption contacts;

    Remove(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() {
      s.api().post(path(tagId) + ":removeTags", Map.of("contact_ids", contacts.ids()), Void.class);
      s.tell("removed tag " + tagId + " from " + contacts.ids().size() + " contact(s)");
      return ExitCodes.OK;
    }
  }

  /**
   * A map of contact id to outcome ({@code {"results":{"1":"SUCCESS"}}}): in JSON the answer
   * itself; otherwise one row per contact.
   */
  static int printResults(Session s, JsonNode answer, String key) throws IOException {
    var out = s.output(true);
    if (out.format() == dev.keapgw.cli.output.OutputFormat.JSON) {
      s.output(false).object(answer == null ? s.mapper().createObjectNode() : answer, null);
      return ExitCodes.OK;
    }
    ListSink sink = out.list(s.columns(List.of(Column.of("contact_id"), Column.of("result"))));
    if (answer != null) {
      for (var e : answer.path(key).properties()) {
        ObjectNode row = s.mapper()
            .createObjectNode()
            .put("contact_id", e.getKey())
            .put("result", e.getValue().asText());
        sink.add(row);
      }
    }
    sink.finish();
    return ExitCodes.OK;
  }
}
