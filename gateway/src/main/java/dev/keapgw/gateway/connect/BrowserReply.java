package dev.keapgw.gateway.connect;

import java.util.List;

/**
 * What the connect flow answers a browser: a redirect, or a small page in plain words saying
 * what happened and what to do next. Never a token or secret in either.
 *
 * @param location where to send the browser (302), or null for a page
 */
record BrowserReply(int status, String location, String title, List<String> paragraphs) {
  static BrowserReply redirect(String location) {
    return new BrowserReply(302, location, null, List.of());
  }

  static BrowserReply page(int status, String title, String... paragraphs) {
    return new BrowserReply(status, null, title, List.of(paragraphs));
  }

  /** The page as a complete HTML document, every text escaped. */
  String html() {
    StringBuilder b = new StringBuilder(512);
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(escape(title))
        .append("</title>")
        .append(
            "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;")
        .append("line-height:1.5;color:#222}h1{font-size:1.4rem}</style></head><body>\n")
        .append("<h1>")
        .append(escape(title))
        .append("</h1>\n");
    for (String p : paragraphs) {
      b.append("<p>").append(escape(p)).append("</p>\n");
    }
    return b.append("</body></html>\n").toString();
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
