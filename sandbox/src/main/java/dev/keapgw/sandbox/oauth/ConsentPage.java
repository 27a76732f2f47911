package dev.keapgw.sandbox.oauth;

import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.store.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The HTML the person sees: the consent page (which Keap account, Allow or Deny) and error
 * pages for requests that cannot be answered by redirect. Everything echoed is escaped; the
 * pages may not be framed (no clickjacking of the Allow button) nor cached.
 */
final class ConsentPage {
  static final String FORM_ACTION = "/app/oauth/authorize";

  private ConsentPage() {}

  static KeapResponse consent(
      OAuthClient client,
      String redirectUri,
      List<Tenant> tenants,
      String selectedTenantId,
      String formToken) {
    StringBuilder accounts = new StringBuilder();
    for (Tenant t : tenants) {
      boolean checked = t.id().equals(selectedTenantId);
      accounts
          .append("      <label><input type=\"radio\" name=\"tenant_id\" value=\"")
          .append(escape(t.id()))
          .append('"')
          .append(checked ? " checked" : "")
          .append("> ")
          .append(escape(t.appName()))
          .append(" <small>(")
          .append(escape(t.id()))
          .append(")</small></label>\n");
    }
    String body = """
        <h1>Allow access to your Keap account?</h1>
        <p>The application <strong>%s</strong> asks for full access to the account you pick.
        You will be sent back to <code>%s</code>.</p>
        <form method="post" action="%s">
          <input type="hidden" name="form_token" value="%s">
          <fieldset>
            <legend>Keap account</legend>
        %s    </fieldset>
          <button type="submit" name="decision" value="allow">Allow</button>
          <button type="submit" name="decision" value="deny">Deny</button>
        </form>
        """.formatted(
        escape(client.clientId()), escape(redirectUri), FORM_ACTION, escape(formToken), accounts);
    return page(200, "Authorize " + client.clientId(), body);
  }

  /** A refusal shown to the person, for requests whose redirect URI cannot be trusted. */
  static KeapResponse error(int status, String title, String message) {
    return page(status, title, "<h1>" + escape(title) + "</h1>\n<p>" + escape(message) + "</p>\n");
  }

  private static KeapResponse page(int status, String title, String body) {
    String html = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>%s (Keap sandbox)</title>
        <style>body{font-family:sans-serif;max-width:36em;margin:3em auto}label{display:block;margin:.4em 0}\
        button{margin:1em .5em 0 0;padding:.5em 1.5em}</style></head>
        <body>
        %s</body>
        </html>
        """.formatted(escape(title), body);
    return KeapResponse.of(
            status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store")
        .header("X-Frame-Options", "DENY")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
        .header("Referrer-Policy", "no-referrer");
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
