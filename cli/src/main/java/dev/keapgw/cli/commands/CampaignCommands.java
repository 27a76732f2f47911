package dev.keapgw.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.cli.Session;
import dev.keapgw.cli.output.Column;
import dev.keapgw.client.http.JsonApi;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** {@code keap campaigns sequences list|add|remove}. */
final class CampaignCommands {
  private CampaignCommands() {}

  static void addTo(CommandLine campaigns, Session s) {
    CommandSpec group = CommandSpec.create().name("sequences");
    group
        .usageMessage()
        .description("A campaign's sequences, and putting contacts into or out of one.");
    CommandLine sequences = new CommandLine(group);
    sequences.addSubcommand("list", new CommandLine(new ListSequences(s)));
    sequences.addSubcommand("add", new CommandLine(new Change(s, true)));
    sequences.addSubcommand("remove", new CommandLine(new Change(s, false)));
    campaigns.addSubcommand("sequences", sequences);
  }

  private static String path(String campaignId) {
    return "/v2/campaigns/" + JsonApi.segment(campaignId) + "/sequences";
  }

  @Command(name = "list", description = "List a campaign's sequences.")
  static final class ListSequences implements Callable<Integer> {
    private final Session s;

    @Parameters(paramLabel = "CAMPAIGN_ID")
    String campaignId;

    @Mixin
    ListOptions list;

    ListSequences(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      return Lister.run(
          s,
          path(campaignId),
          "sequences",
          list,
          Column.parseList("id,name,active_contact_count,active_contact_count_completed"),
          "sequences",
          1000);
    }
  }

  @Command(
      description =
          "Add contacts to (or remove them from) a sequence; prints each contact's outcome.")
  static final class Change implements Callable<Integer> {
    private final Session s;
    private final boolean add;

    @Parameters(index = "0", paramLabel = "CAMPAIGN_ID")
    String campaignId;

    @Parameters(index = "1", paramLabel = "SEQUENCE_ID")
    String sequenceId;

    @Mixin
    ContactIdsOption contacts;

    Change(Session s, boolean add) {
      this.s = s;
      this.add = add;
    }

    @Override
    public Integer call() throws IOException {
      String action = add ? ":addContacts" : ":removeContacts";
      JsonNode answer = s.api()
          .post(
              path(campaignId) + "/" + JsonApi.segment(sequenceId) + action,
              Map.of("contact_ids", contacts.ids()),
              JsonNode.class);
      return TagCommands.printResults(
          s, answer, add ? "add_to_sequence_results" : "remove_from_sequence_results");
    }
  }
}
