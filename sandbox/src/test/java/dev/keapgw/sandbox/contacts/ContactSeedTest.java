package dev.keapgw.sandbox.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample data is the same on every run, and seeding a tenant again only adds contacts. */
class ContactSeedTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

  private static Sandbox start() {
    return Sandbox.start(SandboxFixture.testConfig().withTenants(1, 40, true).withClock(CLOCK));
  }

  private static List<String> rows(Sandbox s, String table) {
    List<String> out = new ArrayList<>();
    s.context()
        .world()
        .tenant(Sandbox.tenantId(1))
        .table(table)
        .scan(null, true)
        .forEachRemaining(e -> out.add(new String(e.getValue(), StandardCharsets.UTF_8)));
    return out;
  }

  @Test
  void twoRunsSeedTheSameData() {
    try (Sandbox a = start();
        Sandbox b = start()) {
      for (String table :
          List.of("tag_categories", "tags", "contacts", "tag_applications", "notes")) {
        assertThat(rows(a, table)).as(table).isNotEmpty().containsExactlyElementsOf(rows(b, table));
      }
      assertThat(rows(a, "contacts")).hasSize(ContactSeed.SAMPLES + 40);
    }
  }

  @Test
  void seedingAgainAddsGeneratedContactsWithFreshEmailsAndNothingElse() {
    try (Sandbox s = start()) {
      Tenant t = s.context().world().tenant(Sandbox.tenantId(1));
      int tags = t.table("tags").size();
      int notes = t.table("notes").size();
      TestHttp control = new TestHttp(s.baseUrl(), Map.of());
      TestHttp.Reply r =
          control.post("/_sandbox/tenants/" + t.id() + "/seed", Map.of("contacts", 5));
      assertThat(r.status()).isEqualTo(200);
      Table contacts = t.table("contacts");
      assertThat(contacts.size()).isEqualTo(ContactSeed.SAMPLES + 45);
      assertThat(t.table("tags").size()).isEqualTo(tags);
      assertThat(t.table("notes").size()).isEqualTo(notes);
      List<String> emails = new ArrayList<>();
      contacts
          .scan(null, true)
          .forEachRemaining(e -> emails.addAll(
              ContactFields.emails(dev.keapgw.sandbox.http.Json.parseTrusted(e.getValue()))));
      assertThat(emails).doesNotHaveDuplicates();
    }
  }
}
