package dev.keapgw.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.client.KeapClient;
import dev.keapgw.client.contacts.Contact;
import dev.keapgw.client.contacts.ContactInput;
import dev.keapgw.client.error.ErrorEnvelope;
import dev.keapgw.client.error.RateLimitException;
import dev.keapgw.client.error.ServerException;
import dev.keapgw.client.http.RetryPolicy;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.support.FakeTime;
import dev.keapgw.client.support.LiveGateway;
import dev.keapgw.sandbox.TestHttp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retries against Keap's failures as the sandbox injects them, through the gateway, with a fake
 * sleeper recording the waits: jitter is fixed at 0.5, so the n-th wait is 0.75 of
 * 500 ms * 2^(n-1): 375, 750, 1500 ms.
 */
class RetryThroughGatewayTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  private final FakeTime time = new FakeTime();

  @AfterEach
  void clearFaults() {
    LIVE.sandboxControl().delete("/_sandbox/faults");
  }

  private KeapClient client(int attempts) {
    RetryPolicy retry = RetryPolicy.defaults().withJitter(() -> 0.5).withMaxAttempts(attempts);
    return LIVE.client(b -> b.retry(retry).sleeper(time).clock(time));
  }

  private static void fault(String kind, int status, int count, String path) {
    TestHttp.Reply r = LIVE.sandboxControl()
        .post(
            "/_sandbox/faults",
            Map.of("kind", kind, "status", status, "count", count, "path_prefix", path));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void aGetRetriesThree503sWithGrowingWaitsThenSucceeds() {
    fault("status", 503, 3, "/crm/rest/v2/contacts");
    List<Contact> page =
        client(5).contacts().list(ListQuery.all().pageSize(2)).firstPage().items();
    assertThat(page).hasSize(2);
    assertThat(time.sleepMillis()).containsExactly(375L, 750L, 1500L);
  }

  @Test
  void aGetRetriesKeaps429sWithoutRetryAfterByBackoff() {
    fault("status", 429, 2, "/crm/rest/v2/tags");
    assertThat(client(5).tags().list().firstPage().items()).isNotEmpty();
    assertThat(time.sleepMillis()).containsExactly(375L, 750L);
  }

  @Test
  void whenAttemptsRunOutTheLastErrorIsThrownWithItsEnvelopeAndRequestId() {
    fault("status", 503, 10, "/crm/rest/v2/contacts");
    assertThatThrownBy(() -> client(3).contacts().get("1"))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.envelope().source()).isEqualTo(ErrorEnvelope.Source.KEAP);
          assertThat(e.type()).isEqualTo("UNAVAILABLE");
          assertThat(e.requestId()).isNotBlank();
          assertThat(e.getMessage())
              .contains("503")
              .contains("/v2/contacts/1")
              .contains(e.requestId());
        });
    assertThat(time.sleepMillis()).containsExactly(375L, 750L);
  }

  @Test
  void aPostIsNotRetriedAfterA503ForItMayHaveBeenDone() {
    fault("status", 503, 1, "/crm/rest/v2/contacts");
    ContactInput input =
        new ContactInput().givenName("Once").email("once-" + UUID.randomUUID() + "@example.com");
    assertThatThrownBy(() -> client(5).contacts().create(input))
        .isInstanceOf(ServerException.class);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aPostIsRetriedAfterA429WhichKeapAnswersBeforeDoingAnything() {
    fault("status", 429, 1, "/crm/rest/v2/contacts");
    String email = "retried-" + UUID.randomUUID() + "@example.com";
    Contact c =
        client(5).contacts().create(new ContactInput().givenName("Retried").email(email));
    assertThat(c.primaryEmail()).isEqualTo(email);
    assertThat(time.sleepMillis()).containsExactly(375L);
  }

  @Test
  void a429ThatOutlastsTheAttemptsIsARateLimitException() {
    fault("status", 429, 5, "/crm/rest/v2/users");
    assertThatThrownBy(() -> client(2).users().list().firstPage())
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> assertThat(e.serverMessage()).isEqualTo("Quota Exceeded"));
    assertThat(time.sleepMillis()).containsExactly(375L);
  }

  @Test
  void anAnswerThatDoesNotStartInTimeIsATimeoutAndAGetTriesAgain() {
    TestHttp.Reply r = LIVE.sandboxControl()
        .post(
            "/_sandbox/faults",
            Map.of(
                "kind",
                "latency",
                "latency_ms",
                5000,
                "count",
                1,
                "path_prefix",
                "/crm/rest/v2/users"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    RetryPolicy retry = RetryPolicy.defaults().withJitter(() -> 0.5);
    KeapClient impatient = LIVE.client(b ->
        b.retry(retry).sleeper(time).clock(time).requestTimeout(java.time.Duration.ofMillis(300)));
    assertThat(impatient.users().list().firstPage().items()).isNotEmpty();
    assertThat(time.sleepMillis()).containsExactly(375L);

    LIVE.sandboxControl()
        .post(
            "/_sandbox/faults",
            Map.of(
                "kind",
                "latency",
                "latency_ms",
                5000,
                "count",
                1,
                "path_prefix",
                "/crm/rest/v2/tags"));
    KeapClient once = LIVE.client(
        b -> b.retry(RetryPolicy.none()).requestTimeout(java.time.Duration.ofMillis(300)));
    assertThatThrownBy(() -> once.tags().list().firstPage())
        .isInstanceOfSatisfying(dev.keapgw.client.error.KeapTransportException.class, e -> {
          assertThat(e.isTimeout()).isTrue();
          assertThat(e.getMessage())
              .contains("no answer in time")
              .contains("/keap/crm/rest/v2/tags");
        });
  }

  @Test
  void anAnswerCutOffMidBodyIsFetchedAgain() {
    int whole = client(1)
        .contacts()
        .list(ListQuery.all().pageSize(50))
        .firstPage()
        .items()
        .size();
    fault("drop_mid_body", 0, 1, "/crm/rest/v2/contacts");
    assertThat(
            client(5).contacts().list(ListQuery.all().pageSize(50)).firstPage().items())
        .hasSize(whole);
    assertThat(time.sleepMillis()).containsExactly(375L);
  }
}
