package dev.keapgw.sandbox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.http.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Measures a running sandbox that holds many contacts, from one keep-alive HTTP/1.1 client:
 * lookups by email, pages of 1000 and a walk over every contact. Prints one line per
 * measurement and, last, a personal access key for further load. Used by bench/sandbox.sh;
 * not a test.
 *
 * <p>Arguments: base URL, number of seeded contacts.
 */
public final class SandboxBenchClient {
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final String base;
  private final String key;

  private SandboxBenchClient(String base) throws Exception {
    this.base = base;
    this.key = Json.MAPPER
        .readTree(
            send("POST", base + "/_sandbox/tenants/kx101/api-keys", "{}", false).body())
        .get("api_key")
        .asText();
  }

  public static void main(String[] args) throws Exception {
    SandboxBenchClient c = new SandboxBenchClient(args[0]);
    int seeded = Integer.parseInt(args[1]);
    c.emailLookups(seeded);
    c.pages();
    c.walk();
    System.out.println("key " + c.key);
  }

  private void emailLookups(int seeded) throws Exception {
    Random rnd = new Random(1);
    List<String> emails = new ArrayList<>();
    // generated contacts carry given.family.<id>@example.com; read a few real ones first
    JsonNode page = json(get("/contacts?page_size=1000&order_by=id%20desc"));
    for (JsonNode ct : page.get("contacts")) {
      JsonNode e = ct.path("email_addresses").path(0).path("email");
      if (!e.isMissingNode()) {
        emails.add(e.asText());
      }
    }
    warm(() -> get("/contacts?filter=" + enc("email==" + emails.get(0))), 200);
    List<Long> t = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String email = emails.get(rnd.nextInt(emails.size()));
      long s = System.nanoTime();
      HttpResponse<String> r = get("/contacts?filter=" + enc("email==" + email));
      t.add(System.nanoTime() - s);
      if (r.statusCode() != 200 || !r.body().contains(email)) {
        throw new IllegalStateException("lookup of " + email + " failed: " + r.statusCode());
      }
    }
    report("filter=email==<one address> (" + seeded + " contacts)", t);
  }

  private void pages() throws Exception {
    warm(() -> get("/contacts?page_size=1000"), 20);
    List<Long> t = new ArrayList<>();
    String token = "";
    for (int i = 0; i < 200; i++) {
      long s = System.nanoTime();
      HttpResponse<String> r =
          get("/contacts?page_size=1000" + (token.isEmpty() ? "" : "&page_token=" + token));
      t.add(System.nanoTime() - s);
      token = json(r).get("next_page_token").asText();
    }
    report("page of 1000 contacts", t);
  }

  private void walk() throws Exception {
    long s = System.nanoTime();
    long n = 0;
    String token = "";
    do {
      JsonNode p =
          json(get("/contacts?page_size=1000" + (token.isEmpty() ? "" : "&page_token=" + token)));
      n += p.get("contacts").size();
      token = p.get("next_page_token").asText();
    } while (!token.isEmpty());
    System.out.printf(
        "walk all contacts in pages of 1000: %d contacts in %.1f s%n",
        n, (System.nanoTime() - s) / 1e9);
  }

  private interface Call {
    HttpResponse<String> run() throws Exception;
  }

  private static void warm(Call c, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      c.run();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send("GET", base + "/crm/rest/v2" + path, null, true);
  }

  private HttpResponse<String> send(String method, String url, String body, boolean auth)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (auth) {
      b.header("Authorization", "Bearer " + key);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  private static void report(String what, List<Long> nanos) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    System.out.printf(
        "%s: p50 %.2f ms, p99 %.2f ms (%d requests)%n",
        what, s.get(s.size() / 2) / 1e6, s.get((int) (s.size() * 0.99)) / 1e6, s.size());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
