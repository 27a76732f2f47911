package dev.keapgw.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.client.Sleeper;
import dev.keapgw.client.error.ErrorEnvelope;
import dev.keapgw.client.error.KeapApiException;
import dev.keapgw.client.error.KeapException;
import dev.keapgw.client.error.KeapTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Sends calls with the target's credentials, retrying as the {@link RetryPolicy} says, and
 * turns error answers into typed exceptions. Every call carries an {@code X-Request-Id} (the
 * same on each of its attempts), so an error names a request id even when the server sent none.
 */
public final class Transport {
  private static final int MAX_ERROR_BODY = 1 << 20;

  private final HttpClient http;
  private final String authorization;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration requestTimeout;
  private final Supplier<ObjectMapper> mapper;
  private final String userAgent;
  private final RetryListener listener;
  private final AtomicReference<QuotaStatus> lastQuota = new AtomicReference<>();

  public Transport(
      HttpClient http,
      String authorization,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock,
      Duration requestTimeout,
      Supplier<ObjectMapper> mapper,
      String userAgent,
      RetryListener listener) {
    this.http = http;
    this.authorization = authorization;
    this.retry = retry;
    this.sleeper = sleeper;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
    this.mapper = mapper;
    this.userAgent = userAgent;
    this.listener = listener;
  }

  /** The JSON mapper (made on first use: a command that only copies bytes never loads it). */
  public ObjectMapper mapper() {
    return mapper.get();
  }

  /** Keap's quota as the latest answer that carried quota headers reported it; null before any. */
  public QuotaStatus lastQuota() {
    return lastQuota.get();
  }

  /**
   * Sends the call until it succeeds or may not be retried, and reads the successful answer
   * with {@code reader}.
   *
   * @throws KeapApiException for a 4xx or 5xx answer (after retries)
   * @throws KeapTransportException when no answer came (after retries)
   */
  public <T> T execute(Call call, BodyReader<T> reader) {
    String requestId = UUID.randomUUID().toString();
    boolean idempotent = RetryPolicy.idempotent(call.method());
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= retry.maxAttempts();
      HttpResponse<InputStream> res;
      try {
        res = http.send(request(call, requestId), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        if (idempotent && !last) {
          pause(call, attempt, describe(e), retry.backoff(attempt));
          continue;
        }
        throw transportFailure(call, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KeapException(
            "interrupted while waiting for " + call.method() + " " + call.url(), e);
      }
      QuotaStatus quota = QuotaStatus.from(res.headers()).orElse(null);
      if (quota != null) {
        lastQuota.set(quota);
      }
      String answeredId = res.headers().firstValue("x-request-id").orElse(requestId);
      if (res.statusCode() < 400) {
        try (InputStream body = res.body()) {
          return reader.read(res.statusCode(), res.headers(), body);
        } catch (IOException e) {
          if (!brokenOff(e)) {
            throw new KeapException(
                "the answer to " + call.method() + " " + call.url() + " is not the JSON expected: "
                    + ((JsonProcessingException) e).getOriginalMessage(),
                e);
          }
          if (idempotent && !last) {
            pause(call, attempt, "answer broke off: " + describe(e), retry.backoff(attempt));
            continue;
          }
          throw transportFailure(call, e);
        }
      }
      KeapApiException.Details failure = failure(call, res, answeredId, quota);
      Duration wait = last ? null : retryWait(failure, idempotent, attempt);
      if (wait == null) {
        throw KeapApiException.of(failure);
      }
      pause(call, attempt, Integer.toString(res.statusCode()), wait);
    }
  }

  /** How long to wait before retrying this failure, or null if it must not be retried. */
  private Duration retryWait(KeapApiException.Details f, boolean idempotent, int attempt) {
    if (!RetryPolicy.retryableStatus(f.status()) || !(idempotent || f.status() == 429)) {
      return null;
    }
    if (f.status() == 429 && f.quota() != null && f.quota().dailyExhausted()) {
      return null; // the daily quota resets at midnight UTC: no backoff helps
    }
    if (f.retryAfter() != null) {
      return f.retryAfter().compareTo(retry.maxRetryAfter()) > 0 ? null : f.retryAfter();
    }
    return retry.backoff(attempt);
  }

  private KeapApiException.Details failure(
      Call call, HttpResponse<InputStream> res, String requestId, QuotaStatus quota) {
    byte[] raw;
    try (InputStream body = res.body()) {
      raw = body.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      raw = new byte[0];
    }
    ErrorEnvelope envelope = ErrorEnvelope.parse(raw, "HTTP " + res.statusCode(), mapper.get());
    String id = Optional.ofNullable(envelope.requestId()).orElse(requestId);
    return new KeapApiException.Details(
        call.method(),
        call.url(),
        res.statusCode(),
        envelope,
        id,
        quota,
        RetryAfter.parse(res.headers(), clock).orElse(null));
  }

  private HttpRequest request(Call call, String requestId) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(call.url()))
        .timeout(requestTimeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .header("X-Request-Id", requestId);
    call.headers().forEach(b::header);
    if (call.body() != null) {
      b.header("Content-Type", "application/json");
      b.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
    } else {
      b.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }

  private void pause(Call call, int attempt, String reason, Duration wait) {
    listener.retrying(call, attempt, reason, wait);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeapException(
          "interrupted while waiting to retry " + call.method() + " " + call.url(), e);
    }
  }

  /**
   * Whether reading failed because the answer broke off (worth another attempt) rather than
   * because it is not the JSON expected (which another attempt would not change). Jackson wraps
   * the stream's IOException when it happens inside an object.
   */
  private static boolean brokenOff(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonEOFException
          || (t instanceof IOException && !(t instanceof JsonProcessingException))) {
        return true;
      }
    }
    return false;
  }

  private static KeapTransportException transportFailure(Call call, IOException e) {
    boolean timeout = e instanceof HttpTimeoutException;
    String what = timeout ? "no answer in time from " : "could not reach ";
    return new KeapTransportException(
        what + host(call.url()) + " (" + call.method() + " " + call.url() + "): " + describe(e),
        call.url(),
        timeout,
        e);
  }

  private static String describe(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  private static String host(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getAuthority();
  }
}
