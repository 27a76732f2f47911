package dev.keapgw.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.client.KeapClient;
import dev.keapgw.client.contacts.ContactInput;
import dev.keapgw.client.error.AuthenticationException;
import dev.keapgw.client.error.BadRequestException;
import dev.keapgw.client.error.ErrorEnvelope;
import dev.keapgw.client.error.KeapTransportException;
import dev.keapgw.client.error.NotFoundException;
import dev.keapgw.client.http.RetryPolicy;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.support.LiveGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Errors from the gateway and from Keap arrive as typed exceptions with the parsed envelope. */
class ErrorsThroughGatewayTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  @Test
  void anUnknownApiKeyIsTheGateways401() {
    KeapClient bad = KeapClient.gateway(LIVE.url(), "not-a-key").build();
    assertThatThrownBy(() -> bad.contacts().get("1"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.fromGateway()).isTrue();
          assertThat(e.type()).isEqualTo("unauthorized");
          assertThat(e.requestId()).matches("[0-9a-f-]{36}");
          assertThat(e.envelope().details().path("status").asInt()).isEqualTo(401);
        });
  }

  @Test
  void anUnknownContactIsKeaps404PassedThrough() {
    assertThatThrownBy(() -> LIVE.client().contacts().get("999999"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.fromGateway()).isFalse();
          assertThat(e.envelope().source()).isEqualTo(ErrorEnvelope.Source.KEAP);
          assertThat(e.type()).isEqualTo("NOT_FOUND");
          assertThat(e.serverMessage()).contains("999999");
          assertThat(e.requestId()).isNotBlank();
        });
  }

  @Test
  void aContactWithoutAnyWayToReachItIsKeaps400NamingTheProblem() {
    assertThatThrownBy(
            () -> LIVE.client().contacts().create(new ContactInput().givenName("Nobody")))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.envelope().source()).isEqualTo(ErrorEnvelope.Source.KEAP);
          assertThat(e.serverMessage())
              .containsAnyOf("email_addresses", "phone_numbers", "addresses");
        });
  }

  @Test
  void aBadFilterIsKeaps400() {
    assertThatThrownBy(() -> LIVE.client()
            .contacts()
            .list(ListQuery.all().filter("no_such_field==1"))
            .firstPage())
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.serverMessage()).contains("no_such_field"));
  }

  @Test
  void anUnknownConnectionIdIsTheGateways404() {
    KeapClient other = LIVE.client().withConnection("00000000-0000-0000-0000-000000000000");
    assertThatThrownBy(() -> other.contacts().get("1"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.fromGateway()).isTrue();
          assertThat(e.type()).isEqualTo("not_found");
        });
  }

  @Test
  void anAccountWithoutAConnectionGetsTheGateways400() {
    String key = LIVE.fixture().newAccount("no connection").key().secret();
    KeapClient fresh = KeapClient.gateway(LIVE.url(), key).build();
    assertThatThrownBy(() -> fresh.contacts().get("1"))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.fromGateway()).isTrue();
          assertThat(e.type()).isEqualTo("no_active_connection");
        });
  }

  @Test
  void theRightConnectionIdWorksLikeTheDefault() {
    assertThat(LIVE.client().withConnection(LIVE.connectionId()).userInfo().tenantId())
        .isEqualTo(LIVE.client().userInfo().tenantId());
  }

  @Test
  void nothingListeningIsATransportErrorNamingTheHost() {
    KeapClient nowhere =
        KeapClient.gateway("http://127.0.0.1:1", "k").retry(RetryPolicy.none()).build();
    assertThatThrownBy(() -> nowhere.userInfo())
        .isInstanceOfSatisfying(KeapTransportException.class, e -> {
          assertThat(e.getMessage()).contains("http://127.0.0.1:1").contains("connection refused");
          assertThat(e.isTimeout()).isFalse();
        });
  }
}
