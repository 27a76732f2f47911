package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule.SeedPlan;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import dev.keapgw.sandbox.tags.TagApplications;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Sample contacts: {@value #SAMPLES} hand-shaped ones (emails, phones, addresses, jobs, owners,
 * some tags) when the tenant has none yet, then {@code plan.contacts()} generated ones, which
 * are kept small (about 420 bytes of JSON: a name, one email, one phone, one address) so that a million
 * fit in memory and seed in seconds. Generated emails embed the contact id, so they stay unique
 * however often a tenant is seeded. Everything follows {@code plan.randomSeed()}.
 */
final class ContactSeed {
  static final int SAMPLES = 25;
  private static final String[] OWNERS = {"1", "2", "3"};

  private ContactSeed() {}

  static void seed(Tenant tenant, SeedPlan plan, World world) {
    Table contacts = tenant.table(ContactStore.TABLE);
    Random random = new Random(plan.randomSeed() * 31 + 7);
    Instant now = world.clock().instant();
    if (contacts.size() == 0) {
      samples(tenant, contacts, random, now);
    }
    generate(contacts, plan.contacts(), random, now);
  }

  private static void samples(Tenant tenant, Table contacts, Random random, Instant now) {
    List<String> tagIds = References.firstIds(tenant, TagApplications.TAGS, Integer.MAX_VALUE);
    for (int i = 0; i < SAMPLES; i++) {
      String given = SamplePeople.GIVEN[(i * 7) % SamplePeople.GIVEN.length];
      String family = SamplePeople.FAMILY[(i * 11) % SamplePeople.FAMILY.length];
      Instant created = now.minus(
          Duration.ofMinutes(60L * 24 * (20 + random.nextInt(700)) + random.nextInt(1440)));
      Instant updated = created.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 15)));
      long id = contacts.nextId();
      ObjectNode c = Json.object();
      c.put("id", Long.toString(id));
      c.put("given_name", given);
      if (i % 4 == 0) {
        c.put("middle_name", SamplePeople.GIVEN[(i * 3 + 5) % SamplePeople.GIVEN.length]);
      }
      c.put("family_name", family);
      String domain = SamplePeople.DOMAINS[i % SamplePeople.DOMAINS.length];
      ObjectNode email = c.putArray("email_addresses")
          .addObject()
          .put("email", (given + "." + family).toLowerCase(Locale.ROOT) + "@" + domain)
          .put("field", "EMAIL1");
      boolean optedIn = random.nextInt(3) > 0;
      if (optedIn) {
        email
            .put("opt_in_reason", "Signed up on the website")
            .put("is_opt_in", true)
            .put("email_opt_status", "SINGLE_OPT_IN");
      } else {
        email.put("is_opt_in", false).put("email_opt_status", "UNENGAGED_MARKETABLE");
      }
      if (i % 5 == 2) {
        c.withArray("email_addresses")
            .addObject()
            .put(
                "email",
                given.toLowerCase(Locale.ROOT) + "."
                    + family.toLowerCase(Locale.ROOT).charAt(0) + "@work.example.com")
            .put("field", "EMAIL2")
            .put("is_opt_in", false)
            .put("email_opt_status", "UNENGAGED_MARKETABLE");
      }
      String number = phone(random);
      c.putArray("phone_numbers")
          .addObject()
          .put("number", number)
          .put("type", i % 2 == 0 ? "Mobile" : "Work")
          .put("field", "PHONE1")
          .put("number_e164", ContactItems.e164(number));
      c.putArray("fax_numbers");
      c.putArray("addresses").add(address(random, "BILLING"));
      if (i % 6 == 3) {
        c.withArray("addresses").add(address(random, "SHIPPING"));
      }
      c.putArray("social_accounts");
      c.put("job_title", SamplePeople.JOBS[random.nextInt(SamplePeople.JOBS.length)]);
      if (i % 3 == 1) {
        c.put(
            "website", "https://www." + family.toLowerCase(Locale.ROOT) + "-" + i + ".example.com");
      }
      c.put("contact_type", i % 3 == 0 ? "Customer" : "Lead");
      c.put("owner_id", OWNERS[i % OWNERS.length]);
      c.put("source_type", i % 2 == 0 ? "WEBFORM" : "MANUAL");
      c.putArray("tag_ids");
      c.put("time_zone", "America/Phoenix");
      c.put("preferred_locale", "en_US");
      if (i % 5 == 0) {
        c.put(
            "birth_date",
            String.format(
                "19%02d-%02d-%02d",
                60 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)));
      }
      c.put("created_by", "1");
      c.put("last_updated_by", "1");
      c.put("create_time", World.timestamp(created));
      c.put("update_time", World.timestamp(updated));
      contacts.put(id, ContactFields.canonical(c));
      tagSome(tenant, id, tagIds, random, updated);
    }
  }

  /** Applies up to three of the seeded tags, at times after the contact was last changed. */
  private static void tagSome(
      Tenant tenant, long contactId, List<String> tagIds, Random random, Instant after) {
    if (tagIds.isEmpty()) {
      return;
    }
    int n = random.nextInt(4);
    for (int k = 0; k < n; k++) {
      String tag = tagIds.get(random.nextInt(tagIds.size()));
      String applied =
          World.timestamp(after.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 5))));
      TagApplications.apply(tenant, tag, Long.toString(contactId), applied);
    }
  }

  private static void generate(Table contacts, int count, Random random, Instant now) {
    for (int i = 0; i < count; i++) {
      long id = contacts.nextId();
      String given = SamplePeople.GIVEN[random.nextInt(SamplePeople.GIVEN.length)];
      String family = SamplePeople.FAMILY[random.nextInt(SamplePeople.FAMILY.length)];
      String time = World.timestamp(now.minusSeconds(60L * (count - i)));
      ObjectNode c = Json.object();
      c.put("id", Long.toString(id));
      c.put("given_name", given);
      c.put("family_name", family);
      c.putArray("email_addresses")
          .addObject()
          .put(
              "email",
              given.toLowerCase(Locale.ROOT) + "." + family.toLowerCase(Locale.ROOT) + "." + id
                  + "@example.com")
          .put("field", "EMAIL1");
      c.putArray("phone_numbers").addObject().put("number", phone(random)).put("field", "PHONE1");
      String[] place = SamplePeople.PLACES[random.nextInt(SamplePeople.PLACES.length)];
      c.putArray("addresses")
          .addObject()
          .put("locality", place[0])
          .put("region", place[1])
          .put("region_code", place[2])
          .put("country_code", "USA")
          .put("field", "BILLING");
      c.put("source_type", "IMPORT");
      c.put("create_time", time);
      c.put("update_time", time);
      contacts.put(id, c);
    }
  }

  private static ObjectNode address(Random random, String field) {
    String[] place = SamplePeople.PLACES[random.nextInt(SamplePeople.PLACES.length)];
    String street = (100 + random.nextInt(9800)) + " "
        + SamplePeople.STREETS[random.nextInt(SamplePeople.STREETS.length)];
    return Json.object()
        .put("line1", street)
        .put("locality", place[0])
        .put("region", place[1])
        .put("region_code", place[2])
        .put("country_code", "USA")
        .put("country", "United States")
        .put("postal_code", place[3] + String.format("%02d", random.nextInt(100)))
        .put("field", field);
  }

  /** A number in the 555 exchange; built by hand because String.format is slow at a million calls. */
  private static String phone(Random random) {
    int line = random.nextInt(10000);
    StringBuilder b =
        new StringBuilder(14).append('(').append(200 + random.nextInt(700)).append(") 555-");
    if (line < 1000) {
      b.append(line < 10 ? "000" : line < 100 ? "00" : "0");
    }
    return b.append(line).toString();
  }
}
