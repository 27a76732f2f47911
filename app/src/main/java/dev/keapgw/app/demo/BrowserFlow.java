package dev.keapgw.app.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a connect link the way a browser does: GET it, and follow each redirect by hand (the
 * gateway's 302 to the upstream's authorize page, the upstream's 302 back to
 * {@code /oauth/callback}) until an answer is not a redirect. Used where no person is there to
 * click: the demo, against a sandbox that approves at once.
 */
final class BrowserFlow {
  /** Far more hops than the connect flow takes: a loop stops here. */
  private static final int MAX_HOPS = 5;

  /**
   * The last answer and where it came from; {@code visited} names each hop by scheme, host and
   * path only, because the query strings carry one-time secrets (session token, state, code).
   */
  record Outcome(int status, URI last, String body, List<String> visited) {}

  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  Outcome open(String url) {
    URI at = URI.create(url);
    List<String> visited = new ArrayList<>();
    for (int hop = 0; ; hop++) {
      visited.add(at.getScheme() + "://" + at.getRawAuthority() + at.getRawPath());
      HttpResponse<String> r = get(at);
      String location = r.headers().firstValue("Location").orElse(null);
      boolean redirect = r.statusCode() >= 301 && r.statusCode() <= 308 && location != null;
      if (!redirect) {
        return new Outcome(r.statusCode(), at, r.body(), visited);
      }
      if (hop + 1 >= MAX_HOPS) {
        throw new IllegalStateException(
            "the connect flow kept redirecting: " + String.join(" -> ", visited));
      }
      at = at.resolve(location);
    }
  }

  private HttpResponse<String> get(URI uri) {
    HttpRequest req = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(90))
        .header("Accept", "text/html")
        .GET()
        .build();
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "the connect flow could not reach " + uri.getScheme() + "://" + uri.getRawAuthority()
              + uri.getRawPath() + ": " + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the connect flow", e);
    }
  }
}
