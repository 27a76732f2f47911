package dev.keapgw.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.client.KeapClient;
import dev.keapgw.client.Target;
import dev.keapgw.client.contacts.Contact;
import dev.keapgw.client.contacts.ContactInput;
import dev.keapgw.client.error.AuthenticationException;
import dev.keapgw.client.error.ErrorEnvelope;
import dev.keapgw.client.error.NotFoundException;
import dev.keapgw.client.http.QuotaStatus;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.support.LiveGateway;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same SDK straight to Keap (the sandbox) with a personal access key, no gateway in between. */
class DirectKeapTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  private static String pat;

  @BeforeAll
  static void personalAccessKey() {
    TestHttp.Reply r =
        LIVE.sandboxControl().post("/_sandbox/tenants/kx101/api-keys", Map.of("user_id", "1"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    pat = r.json().path("api_key").asText();
  }

  private static KeapClient direct(String url) {
    return KeapClient.direct(URI.create(url), pat).build();
  }

  @Test
  void theDirectTargetReachesKeapsApiWithTheBearerToken() {
    KeapClient keap = direct(LIVE.sandboxUrl());
    assertThat(keap.target()).isInstanceOf(Target.Direct.class);
    assertThat(keap.target().apiBase()).isEqualTo(LIVE.sandboxUrl() + "/crm/rest");
    assertThat(keap.userInfo().tenantId()).isEqualTo("kx101");
    String email = "direct-" + UUID.randomUUID() + "@example.com";
    Contact c = keap.contacts().create(new ContactInput().givenName("Direct").email(email));
    assertThat(keap.contacts().get(c.id()).primaryEmail()).isEqualTo(email);
    keap.contacts().delete(c.id());
    assertThatThrownBy(() -> keap.contacts().get(c.id()))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> assertThat(e.envelope().source()).isEqualTo(ErrorEnvelope.Source.KEAP));
  }

  @Test
  void aBaseUrlEndingInCrmRestIsTheSameTarget() {
    KeapClient keap = direct(LIVE.sandboxUrl() + "/crm/rest/");
    assertThat(keap.contacts().list(ListQuery.all().pageSize(1)).firstPage().items())
        .hasSize(1);
  }

  @Test
  void keapsQuotaHeadersAreReadFromEveryAnswer() {
    KeapClient keap = direct(LIVE.sandboxUrl());
    keap.users().list().firstPage();
    QuotaStatus q = keap.lastQuota();
    assertThat(q).isNotNull();
    assertThat(q.tenantId()).startsWith("kx101");
    assertThat(q.productDaily().limit()).isPositive();
    assertThat(q.productDaily().resetsAt()).isNotNull();
    assertThat(q.productMinute().used()).isPositive();
    assertThat(q.tenantMinute().limit()).isGreaterThan(0);
    assertThat(q.tenantDaily().limit()).isGreaterThan(q.tenantMinute().limit());
    assertThat(q.dailyExhausted()).isFalse();
  }

  @Test
  void aBadTokenIsKeapsGatewayFault() {
    KeapClient keap =
        KeapClient.direct(URI.create(LIVE.sandboxUrl()), "garbage").build();
    assertThatThrownBy(keap::userInfo).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.envelope().source()).isEqualTo(ErrorEnvelope.Source.KEAP_FAULT);
      assertThat(e.type()).isEqualTo("keymanagement.service.invalid_access_token");
      assertThat(e.serverMessage()).isEqualTo("Invalid Access Token");
    });
  }

  @Test
  void connectionsBelongToTheGatewayOnly() {
    assertThatThrownBy(() -> direct(LIVE.sandboxUrl()).connections())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("gateway");
  }
}
