package dev.keapgw.client;

import dev.keapgw.client.http.Json;
import dev.keapgw.client.http.RetryListener;
import dev.keapgw.client.http.RetryPolicy;
import dev.keapgw.client.http.Transport;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a client behaves: timeouts, retries, and the clock and sleeper it waits with. Every
 * default is here.
 *
 * @param connectTimeout how long to wait for a TCP connection (default 10 s)
 * @param requestTimeout how long to wait for an answer to start (default 60 s)
 * @param retry when and how long to wait before retrying (default {@link RetryPolicy#defaults()})
 * @param sleeper waits between retries and polls
 * @param clock the time {@code Retry-After} dates and connection waits are measured with
 * @param userAgent the {@code User-Agent} header
 * @param retryListener told before each retry
 * @param httpClient the HTTP client to use, or null for one made from these options
 */
public record ClientOptions(
    Duration connectTimeout,
    Duration requestTimeout,
    RetryPolicy retry,
    Sleeper sleeper,
    Clock clock,
    String userAgent,
    RetryListener retryListener,
    HttpClient httpClient) {

  public static final String USER_AGENT = "keap-java/0.1";

  public static ClientOptions defaults() {
    return new ClientOptions(
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        RetryPolicy.defaults(),
        Sleeper.system(),
        Clock.systemUTC(),
        USER_AGENT,
        RetryListener.NONE,
        null);
  }

  Transport transport(Target target) {
    HttpClient http = httpClient != null
        ? httpClient
        : HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new Transport(
        http,
        target.authorization(),
        retry,
        sleeper,
        clock,
        requestTimeout,
        Json.lazyMapper(),
        userAgent,
        retryListener);
  }

  /** Builds a {@link KeapClient} for one target. */
  public static final class Builder {
    private Target target;
    private ClientOptions o = defaults();

    Builder(Target target) {
      this.target = target;
    }

    /** The gateway connection to use ({@code Maton-Connection}); without it the oldest ACTIVE one. */
    public Builder connection(String connectionId) {
      if (!(target instanceof Target.Gateway g)) {
        throw new IllegalStateException("a connection id applies to a gateway target only");
      }
      target = g.withConnection(connectionId);
      return this;
    }

    public Builder connectTimeout(Duration d) {
      o = new ClientOptions(
          Objects.requireNonNull(d),
          o.requestTimeout,
          o.retry,
          o.sleeper,
          o.clock,
          o.userAgent,
          o.retryListener,
          o.httpClient);
      return this;
    }

    public Builder requestTimeout(Duration d) {
      o = new ClientOptions(
          o.connectTimeout,
          Objects.requireNonNull(d),
          o.retry,
          o.sleeper,
          o.clock,
          o.userAgent,
          o.retryListener,
          o.httpClient);
      return this;
    }

    public Builder retry(RetryPolicy r) {
      o = new ClientOptions(
          o.connectTimeout,
          o.requestTimeout,
          Objects.requireNonNull(r),
          o.sleeper,
          o.clock,
          o.userAgent,
          o.retryListener,
          o.httpClient);
      return this;
    }

    public Builder sleeper(Sleeper s) {
      o = new ClientOptions(
          o.connectTimeout,
          o.requestTimeout,
          o.retry,
          Objects.requireNonNull(s),
          o.clock,
          o.userAgent,
          o.retryListener,
          o.httpClient);
      return this;
    }

    public Builder clock(Clock c) {
      o = new ClientOptions(
          o.connectTimeout,
          o.requestTimeout,
          o.retry,
          o.sleeper,
          Objects.requireNonNull(c),
          o.userAgent,
          o.retryListener,
          o.httpClient);
      return this;
    }

    public Builder userAgent(String ua) {
      o = new ClientOptions(
          o.connectTimeout,
          o.requestTimeout,
          o.retry,
          o.sleeper,
          o.clock,
          Objects.requireNonNull(ua),
          o.retryListener,
          o.httpClient);
      return this;
    }

    public Builder retryListener(RetryListener l) {
      o = new ClientOptions(
          o.connectTimeout,
          o.requestTimeout,
          o.retry,
          o.sleeper,
          o.clock,
          o.userAgent,
          Objects.requireNonNull(l),
          o.httpClient);
      return this;
    }

    /** An HTTP client of your own (its connect timeout and redirect policy then apply). */
    public Builder httpClient(HttpClient h) {
      o = new ClientOptions(
          o.connectTimeout,
          o.requestTimeout,
          o.retry,
          o.sleeper,
          o.clock,
          o.userAgent,
          o.retryListener,
          Objects.requireNonNull(h));
      return this;
    }

    public KeapClient build() {
      return new KeapClient(target, o);
    }
  }
}
