package dev.keapgw.sandbox.resthooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.store.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Batching: with an hour's hook delay nothing is sent by itself, so the test decides when the
 * waiting batch goes ({@code deliverWaitingNow}) and sees exactly what it gathered.
 */
class HookBatchingTest {
  @RegisterExtension
  static final SandboxFixture SANDBOX =
      new SandboxFixture(SandboxFixture.testConfig().withHookDelay(Duration.ofHours(1)));

  @Test
  void changesMadeBeforeTheBatchIsDueGoInOneDeliveryOfAtMostAThousandObjects() {
    try (HookReceiver receiver = new HookReceiver()) {
      TestHttp v1 = TestHttp.bearer(SANDBOX.baseUrl() + "/crm/rest/v1", SANDBOX.apiKey());
      HookDeliveryTest.subscribe(v1, "contact.add", receiver);
      List<Long> created = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        created.add(SANDBOX
            .api()
            .post(
                "/contacts",
                Map.of("email_addresses", List.of(Map.of("email", "batch" + i + "@example.com"))))
            .json()
            .path("id")
            .asLong());
      }
      Tenant tenant = SANDBOX.sandbox().context().world().tenant(Sandbox.tenantId(1));
      for (long id = 1_000_000; id < 1_002_000; id++) {
        SANDBOX.sandbox().restHooks().changed(tenant, "contact.add", id);
      }
      assertThat(receiver.drainDeliveries()).as("nothing is due for an hour").isEmpty();
      assertThat(SANDBOX.sandbox().restHooks().stats().path("objects_waiting").asLong())
          .isEqualTo(2003);

      SANDBOX.sandbox().restHooks().deliverWaitingNow();

      List<Integer> sizes = new ArrayList<>();
      Set<Long> ids = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        JsonNode d = receiver.nextDelivery().json();
        assertThat(d.path("event_key").asText()).isEqualTo("contact.add");
        sizes.add(d.path("object_keys").size());
        d.path("object_keys").forEach(o -> ids.add(o.path("id").asLong()));
      }
      assertThat(sizes).containsExactlyInAnyOrder(1000, 1000, 3);
      assertThat(ids).hasSize(2003).containsAll(created);
      assertThat(SANDBOX.sandbox().restHooks().stats().path("objects_waiting").asLong())
          .isZero();
    }
  }

  @Test
  void aChangeNoHookSubscribesToIsNotKept() {
    long before =
        SANDBOX.sandbox().restHooks().stats().path("changes_announced").asLong();
    SANDBOX
        .api()
        .post(
            "/opportunities",
            Map.of("opportunity_title", "Unheard", "contact_id", "1", "stage_id", "1"));
    assertThat(SANDBOX.sandbox().restHooks().stats().path("changes_announced").asLong())
        .isEqualTo(before);
  }
}
