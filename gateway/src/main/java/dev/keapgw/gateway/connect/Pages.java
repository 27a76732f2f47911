package dev.keapgw.gateway.connect;

/** The connect flow's pages that more than one step shows. */
final class Pages {
  private Pages() {}

  static String appTitle(String app) {
    return app == null || app.isEmpty()
        ? "the app"
        : Character.toUpperCase(app.charAt(0)) + app.substring(1);
  }

  static BrowserReply linkUsedOrExpired() {
    return BrowserReply.page(
        410,
        "This connect link has expired or was already used",
        "A connect link works once and for a limited time, and this one can no longer be used.",
        "To get a fresh link, fetch the connection again (GET /connections/{id}) and open the url it shows."
            + " If an app or an AI agent gave you this link, ask it for a new one.");
  }

  static BrowserReply alreadyConnected() {
    return BrowserReply.page(
        409,
        "This connection is already connected",
        "The connection works, so this link does nothing: nothing was changed.",
        "To authorize it again (for the same account), its owner asks for a reconnect link with"
            + " POST /connections/{id}/reconnect and opens the url that answer shows. To connect another"
            + " account, create a new connection (POST /connections).");
  }

  static BrowserReply tenantMismatch(String app, String bound, String signedIn) {
    return BrowserReply.page(
        409,
        "This is a different " + app + " account",
        "This connection belongs to the " + app + " account " + bound + ", but you signed in to "
            + (signedIn == null
                ? "an account the gateway could not identify"
                : "the account " + signedIn)
            + ". A connection stays with the account it was first authorized for, so nothing was changed.",
        "To connect the other account, create a new connection (POST /connections) and open its url.");
  }

  static BrowserReply tooManyAttempts(String app) {
    return BrowserReply.page(
        429,
        "Too many sign-in attempts",
        "This account has finished too many sign-ins with " + app
            + " in a short time, so this one was not" + " completed and nothing was changed.",
        "Wait a minute, then open the connection's url again (GET /connections/{id} shows a fresh one).");
  }

  static BrowserReply stateUnusable() {
    return BrowserReply.page(
        400,
        "This sign-in cannot be completed",
        "The answer from the authorization page does not match a sign-in this gateway started, or it"
            + " was already used or has expired.",
        "Nothing was changed. Open the connection's url again (GET /connections/{id} shows a fresh one)"
            + " to start over.");
  }

  static BrowserReply connectionGone() {
    return BrowserReply.page(
        410,
        "This connection no longer exists",
        "The connection was deleted while you were signing in, so nothing was saved.",
        "Create a new connection (POST /connections) and open its url.");
  }

  static BrowserReply internalError(String requestId) {
    return BrowserReply.page(
        500,
        "Something went wrong on the gateway",
        "The gateway could not finish this step. Nothing was saved.",
        "Try again by opening the connection's url again. If it keeps happening, give the gateway's"
            + " operator this request id: " + requestId + ".");
  }
}
