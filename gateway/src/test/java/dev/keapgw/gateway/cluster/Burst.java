package dev.keapgw.gateway.cluster;

import dev.keapgw.gateway.engines.Cluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Concurrent requests spread over the instances of a cluster, round robin. */
final class Burst {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  private Burst() {}

  /** Sends {@code n} GETs of {@code path} at once, request i to instance i mod size; answers the statuses. */
  static List<Integer> send(Cluster cluster, String apiKey, int n, String path) {
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(CLIENT.sendAsync(
          HttpRequest.newBuilder(URI.create(cluster.gateway(i % cluster.size()).baseUrl() + path))
              .header("Authorization", "Bearer " + apiKey)
              .timeout(Duration.ofSeconds(60))
              .build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    List<Integer> out = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> c : calls) {
      out.add(c.join().statusCode());
    }
    return out;
  }
}
