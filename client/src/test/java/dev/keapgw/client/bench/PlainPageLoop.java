package dev.keapgw.client.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline of bench/client-export.sh: the same pages as {@code keap contacts list --all}
 * (1000 contacts each, following next_page_token) with a bare JDK HTTP client, each page's bytes
 * copied to stdout as they are, no JSON parsing beyond finding the token. Prints nothing else.
 *
 * <p>Arguments: gateway URL, API key.
 */
public final class PlainPageLoop {
  private static final Pattern TOKEN = Pattern.compile("\"next_page_token\"\\s*:\\s*\"([^\"]*)\"");

  public static void main(String[] args) throws Exception {
    String base = args[0] + "/keap/crm/rest/v2/contacts?page_size=1000";
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
    String token = "";
    do {
      String url = token.isEmpty()
          ? base
          : base + "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
      HttpRequest req = HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", "Bearer " + args[1])
          .build();
      HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      if (res.statusCode() != 200) {
        throw new IllegalStateException("page answered " + res.statusCode());
      }
      byte[] body = res.body();
      out.write(body);
      out.write('\n');
      // The token comes last: look only at the tail of the page.
      int from = Math.max(0, body.length - 4096);
      Matcher m = TOKEN.matcher(new String(body, from, body.length - from, StandardCharsets.UTF_8));
      token = m.find() ? m.group(1) : "";
    } while (!token.isEmpty());
    out.flush();
  }
}
