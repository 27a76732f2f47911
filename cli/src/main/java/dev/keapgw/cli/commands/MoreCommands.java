package dev.keapgw.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.cli.CliFailure;
import dev.keapgw.cli.ExitCodes;
import dev.keapgw.cli.Session;
import dev.keapgw.client.http.JsonApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keap emails send}, {@code keap orders add-item}, {@code keap users me} and {@code keap userinfo}. */
public final class MoreCommands {
  private MoreCommands() {}

  static void addTo(String resource, CommandLine cl, Session s) {
    switch (resource) {
      case "emails" -> cl.addSubcommand("send", new CommandLine(new SendEmail(s)));
      case "orders" -> cl.addSubcommand("add-item", new CommandLine(new AddItem(s)));
      case "users" -> cl.addSubcommand("me", new CommandLine(new UserInfo(s)));
      case "tags" -> TagCommands.addTo(cl, s);
      case "campaigns" -> CampaignCommands.addTo(cl, s);
      default -> {}
    }
  }

  /** The command of one resource, with its extra subcommands. */
  public static CommandLine resourceTree(String name, Session s) {
    CommandLine cl = ResourceCommands.tree(Resources.named(name), s);
    addTo(name, cl, s);
    return cl;
  }

  @Command(
      name = "send",
      description = {
        "Send an email to contacts (Keap answers 202: queued).",
        "Give the whole body with --data, or --to, --subject, --user or --from, and --html and/or --text"
            + " (encoded to Base64 here, as Keap wants)."
      },
      footer = {
        "",
        "Example:",
        "  keap emails send --to 1 --subject Hello --user 1 --html '<p>Hi</p>'"
      })
  static final class SendEmail implements Callable<Integer> {
    private final Session s;

    @Option(
        names = {"-d", "--data"},
        paramLabel = "JSON|@FILE",
        description = "the whole body of emails:send")
    String data;

    @Option(
        names = "--to",
        split = ",",
        paramLabel = "CONTACT_IDS",
        description = "recipients, contact ids")
    List<String> to;

    @Option(names = "--subject")
    String subject;

    @Option(names = "--user", paramLabel = "USER_ID", description = "send as this Keap user")
    String user;

    @Option(names = "--from", paramLabel = "ADDRESS", description = "or from this address")
    String from;

    @Option(names = "--html", paramLabel = "HTML|@FILE")
    String html;

    @Option(names = "--text", paramLabel = "TEXT|@FILE")
    String text;

    SendEmail(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      JsonNode body = data != null ? s.data(data, true) : fromFlags();
      s.api().post("/v2/emails:send", body, Void.class);
      s.tell("queued the email for " + body.path("contacts").size() + " contact(s)");
      return ExitCodes.OK;
    }

    private ObjectNode fromFlags() throws IOException {
      if (to == null || to.isEmpty() || subject == null || (user == null) == (from == null)) {
        throw CliFailure.usage(
            "emails send needs --to, --subject and one of --user or --from (or the whole --data)",
            "e.g. keap emails send --to 1 --subject Hello --user 1 --html '<p>Hi</p>'");
      }
      ObjectNode b = s.mapper().createObjectNode();
      b.putPOJO("contacts", to);
      b.put("subject", subject);
      if (user != null) {
        b.put("user_id", user);
      } else {
        b.put("from_address", from);
      }
      if (html != null) {
        b.put("html_content", base64(html));
      }
      if (text != null) {
        b.put("plain_content", base64(text));
      }
      return b;
    }

    private static String base64(String valueOrFile) throws IOException {
      String v = valueOrFile.startsWith("@")
          ? Files.readString(Path.of(valueOrFile.substring(1)))
          : valueOrFile;
      return Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Command(
      name = "add-item",
      description = "Add a line to an order.",
      footer = {
        "",
        "Example:",
        "  keap orders add-item 1 --data '{\"product_id\":\"1\",\"quantity\":2}'"
      })
  static final class AddItem implements Callable<Integer> {
    private final Session s;

    @Parameters(paramLabel = "ORDER_ID")
    String orderId;

    @Option(
        names = {"-d", "--data"},
        paramLabel = "JSON|@FILE",
        required = true,
        description = "the line")
    String data;

    AddItem(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      JsonNode item = s.api()
          .post(
              "/v2/orders/" + JsonApi.segment(orderId) + "/items",
              s.data(data, true),
              JsonNode.class);
      s.output(false).object(item, s.columns(null));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "userinfo",
      description = "Who the credential acts as: the Keap user and account.")
  public static final class UserInfo implements Callable<Integer> {
    private final Session s;

    public UserInfo(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      s.output(false)
          .object(s.api().get("/v2/oauth/connect/userinfo", JsonNode.class), s.columns(null));
      return ExitCodes.OK;
    }
  }
}
