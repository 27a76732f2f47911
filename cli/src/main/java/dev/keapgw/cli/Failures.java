package dev.keapgw.cli;

import dev.keapgw.client.error.AuthenticationException;
import dev.keapgw.client.error.ConnectionNotReadyException;
import dev.keapgw.client.error.ConnectionWaitException;
import dev.keapgw.client.error.KeapApiException;
import dev.keapgw.client.error.KeapException;
import dev.keapgw.client.error.KeapTransportException;
import dev.keapgw.client.error.NotFoundException;
import dev.keapgw.client.error.PermissionDeniedException;
import dev.keapgw.client.error.RateLimitException;
import dev.keapgw.client.error.ServerException;

/**
 * Turns what went wrong into one message that names the problem, a line that says how to fix
 * it, and the exit code for it.
 */
final class Failures {
  private Failures() {}

  /**
   * @param settings the settings if they were resolved (to say where a key came from), or null
   * @param resource the resource the command was about (e.g. {@code contacts}), or null
   */
  static CliFailure explain(Throwable t, Settings settings, String resource) {
    if (t instanceof CliFailure f) {
      return f;
    }
    if (t instanceof KeapApiException e) {
      return api(e, settings, resource);
    }
    if (t instanceof KeapTransportException e) {
      String where = settings == null ? e.url() : settings.url();
      String fix = settings != null && settings.direct()
          ? "check the network and KEAP_URL (from " + settings.source("keap_url") + ")"
          : "is the gateway running there? Start one (./keap-gateway demo), or point KEAP_GATEWAY_URL"
              + (settings == null ? "" : " (now from " + settings.source("gateway_url") + ")")
              + " at yours";
      return new CliFailure(
          ExitCodes.UNREACHABLE,
          (e.isTimeout() ? "no answer in time from " : "cannot reach ") + where + ": "
              + e.getMessage(),
          e.isTimeout() ? "retry, or allow longer with --timeout 120s" : fix,
          e);
    }
    if (t instanceof ConnectionWaitException e) {
      return new CliFailure(
          ExitCodes.CONNECTION,
          e.getMessage(),
          e.timedOut()
              ? "authorize it in a browser, then run: keap connections get "
                  + e.connection().id()
              : "open the url again to retry the authorization",
          e);
    }
    if (t instanceof KeapException e) {
      return new CliFailure(ExitCodes.FAILED, e.getMessage(), null, e);
    }
    if (t instanceof IllegalArgumentException e) {
      return CliFailure.usage(e.getMessage(), "see the command's --help");
    }
    return new CliFailure(
        ExitCodes.FAILED,
        "unexpected failure: " + t,
        "this is a bug in keap; rerun with --verbose for the stack trace and report it",
        t);
  }

  private static CliFailure api(KeapApiException e, Settings s, String resource) {
    String said = e.status() + (e.type() == null ? "" : " " + e.type()) + ": " + e.serverMessage();
    String rid = e.requestId() == null ? "" : " (request id " + e.requestId() + ")";
    boolean direct = s != null && s.direct();
    if (e instanceof AuthenticationException) {
      if (direct) {
        return new CliFailure(
            ExitCodes.AUTH,
            "Keap refused the token (" + said + ")" + rid,
            "the token came from " + s.source("token")
                + "; get a fresh access token or personal access key",
            e);
      }
      String from = s == null ? "MATON_API_KEY" : s.source("api_key");
      return new CliFailure(
          ExitCodes.AUTH,
          (e.fromGateway() ? "the gateway refused the API key (" : "refused (") + said + ")" + rid,
          "the key came from " + from + "; check it, or ask the gateway's operator for a new one",
          e);
    }
    if (e instanceof PermissionDeniedException) {
      return new CliFailure(
          ExitCodes.AUTH,
          "not allowed (" + said + ")" + rid,
          "the credential works but may not do this; use one with access",
          e);
    }
    if (e instanceof NotFoundException) {
      if (e.fromGateway()) {
        return new CliFailure(
            ExitCodes.NOT_FOUND,
            "no such connection (" + said + ")" + rid,
            "keap connections list shows your connections; check --connection or KEAP_CONNECTION",
            e);
      }
      String what = resource == null ? "it" : resource;
      return new CliFailure(
          ExitCodes.NOT_FOUND,
          "not found (" + said + ")" + rid,
          resource == null
              ? "check the id and the path"
              : "check the id; keap " + what + " list shows what there is",
          e);
    }
    if ("no_active_connection".equals(e.type())) {
      return new CliFailure(
          ExitCodes.CONNECTION,
          "no ACTIVE Keap connection for this API key (" + said + ")" + rid,
          "connect one: keap connections create --wait (then open the link it prints)",
          e);
    }
    if (e instanceof ConnectionNotReadyException c) {
      return new CliFailure(
          ExitCodes.CONNECTION,
          "the connection cannot get a Keap token (" + said + ")" + rid,
          c.connectUrl() == null
              ? "reconnect: keap connections create --wait"
              : "open " + c.connectUrl() + " in a browser to authorize it again, then retry",
          e);
    }
    if (e instanceof RateLimitException r) {
      String fix = r.dailyResetAt()
          .map(at -> "Keap's daily quota is spent; it resets at " + at)
          .or(() -> r.retryAfter().map(d -> "wait " + d.toSeconds() + " s, then retry"))
          .orElse("wait a little, then retry");
      return new CliFailure(ExitCodes.RATE_LIMITED, "rate limited (" + said + ")" + rid, fix, e);
    }
    if (e instanceof ServerException) {
      return new CliFailure(
          ExitCodes.SERVER,
          (e.fromGateway() ? "the gateway failed (" : "the server failed (") + said + ")" + rid,
          "retried already; try again later, and quote the request id if it persists",
          e);
    }
    String details = e.envelope().details() != null
            && e.envelope().details().isArray()
            && !e.envelope().details().isEmpty()
        ? "; details: " + e.envelope().details()
        : "";
    return new CliFailure(
        ExitCodes.REJECTED,
        "the request was refused (" + said + ")" + details + rid,
        "fix the request (see keap " + (resource == null ? "<command>" : resource) + " --help)",
        e);
  }
}
