package dev.keapgw.gateway.connect;

/** The connect flow's pages that more than one step shows. */
final class Pages {
  private Pages() {}

  static String appTitle(String app) {
    return app == null || app.isEmpty() ? "the app" : Character.toUpperCase(app.charAt(0)) + app.substring(1);
  }

  static BrowserReply linkUsedOrExpired() {
    return BrowserReply.page(410, "This connect link has expired or was already used",
        "A connect link works once and for a limited time, and this one can no longer be used.",
        "To get a fresh link, fetch the connection again (GET /connections/{id}) and open the url it shows."
            + " If an app or an AI agent gave you this link, ask it for a new one.");
  }

  static BrowserReply stateUnusable() {
    return BrowserReply.page(400, "This sign-in cannot be completed",
        "The answer from the authorization page does not match a sign-in this gateway started, or it"
            + " was already used or has expired.",
        "Nothing was changed. Open the connection's url again (GET /connections/{id} shows a fresh one)"
            + " to start over.");
  }

  static BrowserReply connectionGone() {
    return BrowserReply.page(410, "This connection no longer exists",
        "The connection was deleted while you were signing in, so nothing was saved.",
        "Create a new connection (POST /connections) and open its url.");
  }

  static BrowserReply internalError(String requestId) {
    return BrowserReply.page(500, "Something went wrong on the gateway",
        "The gateway could not finish this step. Nothing was saved.",
        "Try again by opening the connection's url again. If it keeps happening, give the gateway's"
            + " operator this request id: " + requestId + ".");
  }
}
