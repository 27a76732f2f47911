package dev.keapgw.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.KeapClient;
import dev.keapgw.client.error.AuthenticationException;
import dev.keapgw.client.error.ConnectionNotReadyException;
import dev.keapgw.client.error.ErrorEnvelope;
import dev.keapgw.client.error.KeapTransportException;
import dev.keapgw.client.error.RateLimitException;
import dev.keapgw.client.http.RetryPolicy;
import dev.keapgw.client.support.FakeTime;
import dev.keapgw.client.support.ScriptedServer;
import dev.keapgw.client.support.ScriptedServer.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client's decisions on answers the live stack does not produce on demand: Retry-After
 * (seconds and dates), a spent daily quota, transport failures, and error bodies of each shape.
 */
class RetryDecisionsTest {
  private static final String GATEWAY_429 = "{\"error\":{\"status\":429,\"type\":\"rate_limited\","
      + "\"message\":\"slow down\",\"request_id\":\"rid-1\"}}";
  private final FakeTime time = new FakeTime();

  private KeapClient client(ScriptedServer s) {
    return KeapClient.gateway(s.url(), "key")
        .connection("c-1")
        .sleeper(time)
        .clock(time)
        .retry(RetryPolicy.defaults().withJitter(() -> 1.0))
        .build();
  }

  @Test
  void retryAfterInSecondsReplacesTheBackoff() {
    try (ScriptedServer s = new ScriptedServer(
        Answer.json(429, GATEWAY_429, "Retry-After", "7"), Answer.json(200, "{\"sub\":\"1\"}"))) {
      assertThat(client(s).userInfo().sub()).isEqualTo("1");
      assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
      assertThat(s.received()).hasSize(2);
      assertThat(s.received().get(0).headers().get("Maton-connection")).containsExactly("c-1");
      assertThat(s.received().get(0).headers().get("X-request-id"))
          .isEqualTo(s.received().get(1).headers().get("X-request-id"));
    }
  }

  @Test
  void retryAfterAsADateIsMeasuredOnTheInjectedClock() {
    String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        time.instant().plusSeconds(12).atOffset(ZoneOffset.UTC));
    try (ScriptedServer s =
        new ScriptedServer(Answer.json(503, "", "Retry-After", at), Answer.json(200, "{}"))) {
      client(s).userInfo();
      assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }
  }

  @Test
  void aRetryAfterLongerThanTheClientWillWaitFailsAtOnce() {
    try (ScriptedServer s =
        new ScriptedServer(Answer.json(429, GATEWAY_429, "Retry-After", "3600"))) {
      assertThatThrownBy(() -> client(s).userInfo())
          .isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofHours(1));
            assertThat(e.requestId()).isEqualTo("rid-1");
            assertThat(e.type()).isEqualTo("rate_limited");
          });
      assertThat(time.sleeps()).isEmpty();
    }
  }

  @Test
  void aSpentDailyQuotaIsNotRetriedAndSaysWhenItResets() {
    long reset = Instant.parse("2026-02-09T00:00:00Z").toEpochMilli();
    try (ScriptedServer s = new ScriptedServer(Answer.json(
        429,
        "{\"code\":\"429\",\"message\":\"Quota Exceeded\",\"status\":\"Request Throttled\",\"details\":null}",
        "x-keap-product-quota-limit",
        "150000",
        "x-keap-product-quota-available",
        "0",
        "x-keap-product-quota-used",
        "150000",
        "x-keap-product-quota-expiry-time",
        Long.toString(reset),
        "x-keap-tenant-throttle-time-unit",
        "minute|day",
        "x-keap-tenant-throttle-limit",
        "10000|250000",
        "x-keap-tenant-throttle-available",
        "9000|100000"))) {
      assertThatThrownBy(() -> client(s).userInfo())
          .isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.dailyResetAt()).contains(Instant.ofEpochMilli(reset));
            assertThat(e.envelope().source()).isEqualTo(ErrorEnvelope.Source.KEAP);
            assertThat(e.quota().tenantDaily().available()).isEqualTo(100000);
          });
      assertThat(s.received()).hasSize(1);
    }
  }

  @Test
  void fullJitterAtOneWaitsTheWholeBackoffCappedAtTheMaximum() {
    RetryPolicy p = RetryPolicy.defaults()
        .withJitter(() -> 1.0)
        .withDelays(Duration.ofMillis(500), Duration.ofSeconds(3));
    assertThat(List.of(p.backoff(1), p.backoff(2), p.backoff(3), p.backoff(4), p.backoff(5)))
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofMillis(1000),
            Duration.ofMillis(2000),
            Duration.ofMillis(3000),
            Duration.ofMillis(3000));
    RetryPolicy none = p.withJitter(() -> 0.0);
    assertThat(none.backoff(3)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void aGetToNothingIsRetriedThenReportedAPostIsNot() {
    KeapClient dead = KeapClient.gateway("http://127.0.0.1:1", "k")
        .sleeper(time)
        .clock(time)
        .retry(RetryPolicy.defaults().withJitter(() -> 1.0))
        .build();
    assertThatThrownBy(dead::userInfo).isInstanceOf(KeapTransportException.class);
    assertThat(time.sleepMillis()).containsExactly(500L, 1000L, 2000L, 4000L);
    FakeTime other = new FakeTime();
    KeapClient deadPost =
        KeapClient.gateway("http://127.0.0.1:1", "k").sleeper(other).build();
    assertThatThrownBy(
            () -> deadPost.tags().create(new dev.keapgw.client.tags.TagInput().name("x")))
        .isInstanceOf(KeapTransportException.class);
    assertThat(other.sleeps()).isEmpty();
  }

  @Test
  void theGateways424CarriesTheConnectLink() {
    String body =
        "{\"error\":{\"status\":424,\"type\":\"connection_not_ready\",\"message\":\"authorize it\","
            + "\"connection_id\":\"c-1\",\"url\":\"http://gw/connect/x?session_token=t\",\"request_id\":\"r\"}}";
    try (ScriptedServer s = new ScriptedServer(Answer.json(424, body))) {
      assertThatThrownBy(() -> client(s).contacts().get("1"))
          .isInstanceOfSatisfying(ConnectionNotReadyException.class, e -> {
            assertThat(e.connectUrl()).isEqualTo("http://gw/connect/x?session_token=t");
            assertThat(e.connectionId()).isEqualTo("c-1");
          });
    }
  }

  @Test
  void errorBodiesOfEveryShapeAreParsed() {
    com.fasterxml.jackson.databind.ObjectMapper m =
        new com.fasterxml.jackson.databind.ObjectMapper();
    ErrorEnvelope oauth = ErrorEnvelope.parse(
        "{\"error\":\"invalid_request\",\"error_description\":\"Invalid Refresh Token\"}"
            .getBytes(),
        "HTTP 400",
        m);
    assertThat(oauth.source()).isEqualTo(ErrorEnvelope.Source.OAUTH);
    assertThat(oauth.message()).isEqualTo("Invalid Refresh Token");
    ErrorEnvelope html = ErrorEnvelope.parse("<html>Bad gateway</html>".getBytes(), "HTTP 502", m);
    assertThat(html.source()).isEqualTo(ErrorEnvelope.Source.UNKNOWN);
    assertThat(html.message()).isEqualTo("<html>Bad gateway</html>");
    assertThat(ErrorEnvelope.parse(new byte[0], "HTTP 503", m).message()).isEqualTo("HTTP 503");
    ErrorEnvelope keap = ErrorEnvelope.parse(
        ("{\"code\":400,\"message\":\"bad\",\"status\":\"INVALID_ARGUMENT\","
                + "\"details\":[{\"domain\":\"contact\",\"resource\":\"email\"}]}")
            .getBytes(),
        "x",
        m);
    assertThat(keap.details()).isInstanceOf(JsonNode.class);
    assertThat(keap.details().path(0).path("resource").asText()).isEqualTo("email");
  }

  @Test
  void anApigeeFaultIsAnAuthenticationError() {
    String fault = "{\"fault\":{\"faultstring\":\"Access Token expired\",\"detail\":{\"errorcode\":"
        + "\"keymanagement.service.access_token_expired\"}}}";
    try (ScriptedServer s = new ScriptedServer(Answer.json(401, fault))) {
      assertThatThrownBy(() -> client(s).userInfo())
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> assertThat(e.type()).isEqualTo("keymanagement.service.access_token_expired"));
      assertThat(time.sleeps()).isEmpty();
    }
  }
}
