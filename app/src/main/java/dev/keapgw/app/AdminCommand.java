package dev.keapgw.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keap-gateway admin ...}: the admin API of a running gateway from the command line. Each
 * command prints the API's JSON answer; a refusal is one line with the API's message, exit 1.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Manages accounts and API keys of a running gateway (its admin API).",
      "Each command takes --url (KEAP_GATEWAY_URL), where the gateway is, and",
      "--admin-token (KEAPGW_ADMIN_TOKEN), the token it was started with."
    },
    subcommands = {
      AdminCommand.Accounts.class,
      AdminCommand.Keys.class,
      AdminCommand.Encryption.class
    })
final class AdminCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "accounts",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = "Create, list and delete accounts; set their rate limit.")
  static final class Accounts implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Creates an account and its first API key (shown only in this answer).")
    int create(
        @Mixin AdminTarget target,
        @Option(
                names = "--name",
                required = true,
                paramLabel = "<name>",
                description = "The account's name.")
            String name) {
      ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name);
      return call(spec, "create", target, "POST", "/admin/accounts", body);
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Lists the accounts.")
    int list(@Mixin AdminTarget target) {
      return call(spec, "list", target, "GET", "/admin/accounts", null);
    }

    @Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Deletes an account with its keys and connections.")
    int delete(
        @Mixin AdminTarget target,
        @Parameters(paramLabel = "ID", description = "The account's id.") String id) {
      return call(spec, "delete", target, "DELETE", "/admin/accounts/" + segment(id), null);
    }

    @Command(
        name = "set-rate-limit",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description =
            "Sets an account's requests per second; 'default' returns it to the gateway's default.")
    int setRateLimit(
        @Mixin AdminTarget target,
        @Parameters(index = "0", paramLabel = "ID", description = "The account's id.") String id,
        @Parameters(
                index = "1",
                paramLabel = "N",
                description = "Requests per second, or 'default'.")
            String perSecond) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      if (perSecond.toLowerCase(Locale.ROOT).equals("default")) {
        body.putNull("rate_limit_per_second");
      } else {
        try {
          body.put("rate_limit_per_second", Integer.parseInt(perSecond));
        } catch (NumberFormatException e) {
          throw new ParameterException(
              leaf(spec, "set-rate-limit"),
              "Invalid value for parameter 'N': '" + perSecond
                  + "' is neither a whole number nor 'default'");
        }
      }
      return call(spec, "set-rate-limit", target, "PATCH", "/admin/accounts/" + segment(id), body);
    }

    @Command(
        name = "set-mcp-read-only",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description =
            "Limits an account's MCP tools to reading (true), or lifts the limit (false).")
    int setMcpReadOnly(
        @Mixin AdminTarget target,
        @Parameters(index = "0", paramLabel = "ID", description = "The account's id.") String id,
        @Parameters(
                index = "1",
                paramLabel = "true|false",
                description = "Whether its MCP tools may only read.")
            String readOnly) {
      String v = readOnly.toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw new ParameterException(
            leaf(spec, "set-mcp-read-only"),
            "Invalid value for parameter 'true|false': '" + readOnly
                + "' is neither true nor false");
      }
      ObjectNode body =
          JsonNodeFactory.instance.objectNode().put("mcp_read_only", Boolean.parseBoolean(v));
      return call(
          spec, "set-mcp-read-only", target, "PATCH", "/admin/accounts/" + segment(id), body);
    }
  }

  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = "Create, list and revoke an account's API keys.")
  static final class Keys implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description =
            "Makes a new API key for an account (its secret is shown only in this answer).")
    int create(
        @Mixin AdminTarget target,
        @Parameters(paramLabel = "ACCOUNT_ID", description = "The account's id.") String accountId,
        @Option(
                names = "--name",
                paramLabel = "<name>",
                description = "A name for the key (default: key).")
            String name) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      if (name != null) {
        body.put("name", name);
      }
      return call(
          spec, "create", target, "POST", "/admin/accounts/" + segment(accountId) + "/keys", body);
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Lists an account's keys (never their secrets).")
    int list(
        @Mixin AdminTarget target,
        @Parameters(paramLabel = "ACCOUNT_ID", description = "The account's id.")
            String accountId) {
      return call(
          spec, "list", target, "GET", "/admin/accounts/" + segment(accountId) + "/keys", null);
    }

    @Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Revokes a key at once.")
    int revoke(
        @Mixin AdminTarget target,
        @Parameters(paramLabel = "KEY_ID", description = "The key's id.") String keyId) {
      return call(spec, "revoke", target, "DELETE", "/admin/keys/" + segment(keyId), null);
    }
  }

  @Command(
      name = "encryption",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = "Encryption key rotation.")
  static final class Encryption implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
        name = "reencrypt",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
          "Seals every stored secret again with the primary encryption key.",
          "When the answer says \"complete\": true, the old keys can be removed."
        })
    int reencrypt(@Mixin AdminTarget target) {
      return call(
          spec,
          "reencrypt",
          target,
          "POST",
          "/admin/encryption/reencrypt",
          JsonNodeFactory.instance.objectNode());
    }
  }

  /** Checks the target, calls the admin API and prints its answer; {@code name} is the command running. */
  private static int call(
      CommandSpec spec,
      String name,
      AdminTarget target,
      String method,
      String path,
      ObjectNode body) {
    CommandLine leaf = leaf(spec, name);
    if (target.adminToken == null || target.adminToken.isBlank()) {
      throw new ParameterException(
          leaf,
          "Missing option '--admin-token': the token the gateway was"
              + " started with (or KEAPGW_ADMIN_TOKEN)",
          leaf.getCommandSpec().findOption("--admin-token"),
          null);
    }
    URI url;
    try {
      url = new URI(target.url.trim());
    } catch (URISyntaxException e) {
      url = null;
    }
    if (url == null
        || url.getHost() == null
        || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      throw new ParameterException(
          leaf,
          "Invalid value for option '--url': '" + target.url
              + "' is not an absolute http or https URL",
          leaf.getCommandSpec().findOption("--url"),
          target.url);
    }
    new AdminClient(url.toString(), target.adminToken.trim())
        .call(method, path, body, leaf.getOut());
    return 0;
  }

  private static CommandLine leaf(CommandSpec group, String name) {
    return group.commandLine().getSubcommands().get(name);
  }

  /** An id as one path segment, so that no id can reach another path. */
  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
