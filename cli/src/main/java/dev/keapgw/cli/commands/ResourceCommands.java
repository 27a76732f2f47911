package dev.keapgw.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.cli.CliFailure;
import dev.keapgw.cli.ExitCodes;
import dev.keapgw.cli.Session;
import dev.keapgw.cli.commands.ResourceSpec.Op;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keap <resource> list|get|create|update|delete}, for any resource of {@link Resources}. */
public final class ResourceCommands {
  private ResourceCommands() {}

  /** The command of one resource with the subcommands of the operations it has. */
  public static CommandLine tree(ResourceSpec r, Session s) {
    CommandSpec group = CommandSpec.create().name(r.name());
    group
        .usageMessage()
        .description(r.name().substring(0, 1).toUpperCase() + r.name().substring(1) + " ("
            + (r.parent() == null ? r.path() : r.path().formatted("{" + r.parent() + "_id}"))
            + ")");
    CommandLine cl = new CommandLine(group);
    if (r.ops().contains(Op.LIST)) {
      cl.addSubcommand("list", withParent(new CommandLine(new ListCmd(r, s)), r));
    }
    if (r.ops().contains(Op.GET)) {
      cl.addSubcommand("get", new CommandLine(new GetCmd(r, s)));
    }
    if (r.ops().contains(Op.CREATE)) {
      cl.addSubcommand("create", withParent(new CommandLine(new CreateCmd(r, s)), r));
    }
    if (r.ops().contains(Op.UPDATE)) {
      cl.addSubcommand("update", new CommandLine(new UpdateCmd(r, s)));
    }
    if (r.ops().contains(Op.DELETE)) {
      cl.addSubcommand("delete", new CommandLine(new DeleteCmd(r, s)));
    }
    return cl;
  }

  /** Adds the required parent option (e.g. {@code --contact ID} for notes). */
  private static CommandLine withParent(CommandLine cl, ResourceSpec r) {
    if (r.parent() != null) {
      cl.getCommandSpec()
          .addOption(OptionSpec.builder("--" + r.parent())
              .paramLabel("ID")
              .type(String.class)
              .required(true)
              .description("the " + r.parent() + " the " + r.name() + " belong to")
              .build());
    }
    return cl;
  }

  static String parentId(CommandSpec spec, ResourceSpec r) {
    return r.parent() == null ? null : spec.findOption("--" + r.parent()).getValue();
  }

  @Command(name = "list", description = "List them: one page, or every page with --all.")
  static final class ListCmd implements Callable<Integer> {
    private final ResourceSpec r;
    private final Session s;

    @Spec
    CommandSpec spec;

    @Mixin
    ListOptions list;

    ListCmd(ResourceSpec r, Session s) {
      this.r = r;
      this.s = s;
    }

    @Override
    public Integer call() throws Exception {
      return Lister.run(
          s,
          r.collection(parentId(spec, r)),
          r.itemsKey(),
          list,
          r.columns(),
          r.name(),
          r.maxPageSize());
    }
  }

  @Command(name = "get", description = "Show one by id.")
  static final class GetCmd implements Callable<Integer> {
    private final ResourceSpec r;
    private final Session s;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(
        names = "--fields",
        paramLabel = "NAMES",
        description = "extra fields to include, comma-separated")
    String fields;

    GetCmd(ResourceSpec r, Session s) {
      this.r = r;
      this.s = s;
    }

    @Override
    public Integer call() throws Exception {
      List<Map.Entry<String, String>> params =
          fields == null ? List.of() : List.of(Map.entry("fields", fields));
      JsonNode item = s.api().get(r.item(null, id), params, JsonNode.class);
      s.output(false).object(item, s.columns(null));
      return ExitCodes.OK;
    }
  }

  @Command(name = "create", description = "Create one from a JSON body; prints what Keap made.")
  static final class CreateCmd implements Callable<Integer> {
    private final ResourceSpec r;
    private final Session s;

    @Spec
    CommandSpec spec;

    @Option(
        names = {"-d", "--data"},
        paramLabel = "JSON|@FILE",
        required = true,
        description = "the body: JSON itself, @file, or @- for stdin")
    String data;

    @Option(
        names = "--duplicate-option",
        paramLabel = "MATCH",
        description =
            "contacts only: Email, EmailAndName or EmailAndNameAndCompany updates a matching contact instead")
    String duplicateOption;

    CreateCmd(ResourceSpec r, Session s) {
      this.r = r;
      this.s = s;
    }

    @Override
    public Integer call() throws Exception {
      JsonNode body = s.data(data, true);
      List<Map.Entry<String, String>> params = List.of();
      if (duplicateOption != null) {
        if (!r.name().equals("contacts")) {
          throw CliFailure.usage("--duplicate-option is for contacts only", "drop it");
        }
        params = List.of(Map.entry("duplicate_option", duplicateOption));
      }
      JsonNode made = s.api().post(r.collection(parentId(spec, r)), params, body, JsonNode.class);
      s.output(false).object(made, s.columns(null));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "update",
      description = "Change the fields the JSON body names (others are left alone).")
  static final class UpdateCmd implements Callable<Integer> {
    private final ResourceSpec r;
    private final Session s;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(
        names = {"-d", "--data"},
        paramLabel = "JSON|@FILE",
        required = true,
        description = "the fields to change: JSON itself, @file, or @- for stdin")
    String data;

    UpdateCmd(ResourceSpec r, Session s) {
      this.r = r;
      this.s = s;
    }

    @Override
    public Integer call() throws Exception {
      JsonNode body = s.data(data, true);
      JsonNode changed = s.api().patch(r.item(null, id), body, JsonNode.class);
      s.output(false).object(changed, s.columns(null));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "delete",
      description = "Delete one by id (asks first on a terminal, unless --yes).")
  static final class DeleteCmd implements Callable<Integer> {
    private final ResourceSpec r;
    private final Session s;

    @Parameters(paramLabel = "ID")
    String id;

    DeleteCmd(ResourceSpec r, Session s) {
      this.r = r;
      this.s = s;
    }

    @Override
    public Integer call() {
      if (!s.confirm("Delete " + r.singular() + " " + id + "?")) {
        throw new CliFailure(ExitCodes.FAILED, "nothing deleted", null);
      }
      s.api().delete(r.item(null, id));
      s.tell("deleted " + r.singular() + " " + id);
      return ExitCodes.OK;
    }
  }
}
