package dev.keapgw.gateway.prove;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.http.Json;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A recording pass-through in front of the sandbox: the gateway's upstream and token endpoint
 * point here, and every exchange is forwarded unchanged and kept. So a test knows, from the
 * wire, every token the OAuth server issued (the token endpoint's answers) and every token the
 * gateway presented (the API requests' {@code Authorization}), without reaching into either side.
 * A connection the sandbox drops is dropped here too.
 */
final class TokenTap implements AutoCloseable {
  /** One exchange as it crossed. */
  record Seen(
      String method,
      String uri,
      String authorization,
      String requestBody,
      int status,
      String responseBody) {}

  private static final Set<String> HOP =
      Set.of("host", "connection", "keep-alive", "transfer-encoding", "content-length");
  private final Vertx vertx = Vertx.vertx();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final URI target;
  private HttpClient client;
  private HttpServer server;

  private TokenTap(URI target) {
    this.target = target;
  }

  static TokenTap start(URI target) {
    TokenTap t = new TokenTap(target);
    t.client = t.vertx.createHttpClient();
    try {
      t.server = t.vertx
          .createHttpServer()
          .requestHandler(t::handle)
          .listen(0, "127.0.0.1")
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return t;
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** Access tokens the token endpoint issued, oldest first. */
  Set<String> accessTokensIssued() {
    return issued("access_token");
  }

  /** Refresh tokens the token endpoint issued, oldest first. */
  Set<String> refreshTokensIssued() {
    return issued("refresh_token");
  }

  /** Bearer tokens presented on API calls (not the token endpoint), in order. */
  List<String> bearersPresented() {
    return seen.stream()
        .filter(s -> !s.uri().startsWith("/token")
            && s.authorization() != null
            && s.authorization().startsWith("Bearer "))
        .map(s -> s.authorization().substring(7))
        .toList();
  }

  private Set<String> issued(String field) {
    Set<String> out = new LinkedHashSet<>();
    for (Seen s : seen) {
      if (s.uri().startsWith("/token") && s.status() == 200) {
        try {
          JsonNode j = Json.MAPPER.readTree(s.responseBody());
          if (j.hasNonNull(field)) {
            out.add(j.get(field).asText());
          }
        } catch (java.io.IOException e) {
          throw new IllegalStateException(
              "the token endpoint answered 200 with no JSON: " + s.responseBody());
        }
      }
    }
    return out;
  }

  private void handle(HttpServerRequest req) {
    req.body().onSuccess(body -> {
      RequestOptions o = new RequestOptions()
          .setMethod(req.method())
          .setHost(target.getHost())
          .setPort(target.getPort())
          .setURI(req.uri());
      MultiMap headers = MultiMap.caseInsensitiveMultiMap();
      req.headers().forEach(h -> {
        if (!HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
          headers.add(h.getKey(), h.getValue());
        }
      });
      client
          .request(o)
          .compose(up -> {
            up.headers().addAll(headers);
            return up.send(body);
          })
          .compose(resp -> resp.body().map(b -> {
            seen.add(new Seen(
                req.method().name(),
                req.uri(),
                req.getHeader("Authorization"),
                body.toString(),
                resp.statusCode(),
                b.toString()));
            req.response().setStatusCode(resp.statusCode());
            resp.headers().forEach(h -> {
              if (!HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                req.response().headers().add(h.getKey(), h.getValue());
              }
            });
            req.response().end(Buffer.buffer(b.getBytes()));
            return null;
          }))
          .onFailure(err -> req.connection().close());
    });
  }

  @Override
  public void close() {
    vertx.close();
  }
}
