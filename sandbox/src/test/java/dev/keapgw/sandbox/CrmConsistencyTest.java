package dev.keapgw.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cross-resource behaviour of companies, tasks and opportunities: the seed and contact deletion. */
class CrmConsistencyTest {
  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture(config());

  private static SandboxConfig config() {
    return SandboxFixture.testConfig().withClock(FIXED);
  }

  @Test
  void theSeedIsTheSameOnEveryRunAndDiffersByTenant() {
    try (Sandbox a = Sandbox.start(config());
        Sandbox b = Sandbox.start(config())) {
      for (String path : new String[] {
        "/companies?fields=address,create_time", "/tasks", "/opportunities", "/opportunities/stages"
      }) {
        JsonNode first = client(a, 1).get(path).json();
        assertThat(client(b, 1).get(path).json()).as(path).isEqualTo(first);
        if (!path.contains("stages")) {
          assertThat(client(b, 2).get(path).json()).as(path).isNotEqualTo(first);
        }
      }
      for (JsonNode t : client(a, 1).get("/tasks").json().get("tasks")) {
        assertThat(Instant.parse(t.get("create_time").asText())).isBefore(FIXED.instant());
        assertThat(Instant.parse(t.get("modification_time").asText()))
            .isBeforeOrEqualTo(FIXED.instant());
      }
    }
  }

  private static TestHttp client(Sandbox s, int tenant) {
    return TestHttp.bearer(
        s.baseUrl() + "/crm/rest/v2",
        s.context().credentials().issueApiKey(Sandbox.tenantId(tenant), "1").token());
  }

  @Test
  void deletingAContactDeletesItsTasksAndOpportunities() {
    String contact = CrmTestSupport.someContactId(FIX.api());
    String task = FIX.api()
        .post("/tasks", Map.of("assigned_to_user_id", "1", "contact_id", contact))
        .json()
        .get("id")
        .asText();
    String deal = FIX.api()
        .post(
            "/opportunities",
            Map.of("opportunity_title", "Doomed", "contact_id", contact, "stage_id", "1"))
        .json()
        .get("id")
        .asText();
    String other = FIX.api()
        .post("/tasks", Map.of("assigned_to_user_id", "1"))
        .json()
        .get("id")
        .asText();

    var tenant = FIX.sandbox().context().world().tenant(Sandbox.tenantId(1));
    tenant.write(
        () -> FIX.sandbox().context().hooks().contactDeleted(tenant, Long.parseLong(contact)));

    assertThat(FIX.api().get("/tasks/" + task).status()).isEqualTo(404);
    assertThat(FIX.api().get("/opportunities/" + deal).status()).isEqualTo(404);
    assertThat(FIX.api().get("/tasks/" + other).status()).isEqualTo(200);
    assertThat(FIX.api().get("/tasks?filter=contact_id==" + contact).json().get("tasks"))
        .isEmpty();
  }
}
