package dev.keapgw.sandbox.companies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Ten small businesses per tenant, the same on every run for the same random seed. */
final class CompanySeed {
  private CompanySeed() {}

  private static final String[] NAMES = {
    "Acme Plumbing", "Bluebird Bakery", "Cactus Creek Landscaping", "Desert Sun Solar",
    "Evergreen Dental", "Falcon Fitness", "Granite Peak Realty", "Harbor Light Insurance",
    "Ironwood Auto Repair", "Juniper Marketing Co",
  };
  private static final String[][] PLACES = {
    {"Phoenix", "Arizona", "US-AZ", "85004", "480"},
    {"Chandler", "Arizona", "US-AZ", "85225", "480"},
    {"Tempe", "Arizona", "US-AZ", "85281", "480"},
    {"Austin", "Texas", "US-TX", "78701", "512"},
    {"Denver", "Colorado", "US-CO", "80202", "303"},
    {"Portland", "Oregon", "US-OR", "97204", "503"},
    {"Boise", "Idaho", "US-ID", "83702", "208"},
  };
  private static final String[] STREETS = {
    "Main St", "Camelback Rd", "Elm Ave", "Oak Blvd", "Mill Ave", "Pine St"
  };
  private static final String[][] PEOPLE = {
    {"Maria", "Lopez", "Owner"},
    {"James", "Chen", "Office Manager"},
    {"Priya", "Patel", "CEO"},
    {"Tom", "Becker", "Operations Lead"},
    {"Aisha", "Green", "Founder"},
    {"Diego", "Ramos", "General Manager"},
  };
  private static final String[] TYPES = {"Customer", "Customer", "Vendor", "Partner"};

  static void seed(Tenant tenant, dev.keapgw.sandbox.KeapModule.SeedPlan plan, Clock clock) {
    Table companies = tenant.table(CompaniesModule.TABLE);
    if (companies.size() > 0) {
      return;
    }
    Random rnd = new Random(plan.randomSeed() * 31 + 1);
    Instant now = clock.instant();
    int users = References.size(tenant, "users");
    for (int i = 0; i < NAMES.length; i++) {
      String name = NAMES[i];
      String slug = name.toLowerCase().replaceAll("[^a-z]+", "");
      String[] place = PLACES[rnd.nextInt(PLACES.length)];
      String[] person = PEOPLE[rnd.nextInt(PEOPLE.length)];
      Instant created =
          now.minus(Duration.ofDays(20 + rnd.nextInt(300))).minusSeconds(rnd.nextInt(86_400));
      Instant updated =
          created.plus(Duration.ofDays(rnd.nextInt(20))).plusSeconds(rnd.nextInt(3_600));
      String phone = "(" + place[4] + ") 555-01" + String.format("%02d", rnd.nextInt(100));
      ObjectNode c = Json.object();
      c.putObject("address")
          .put("line1", (100 + rnd.nextInt(9_800)) + " " + STREETS[rnd.nextInt(STREETS.length)])
          .put("locality", place[0])
          .put("region", place[1])
          .put("region_code", place[2])
          .put("country_code", "USA")
          .put("postal_code", place[3])
          .put("field", "BILLING");
      c.put("notes", "Met at the " + place[0] + " small business expo.");
      c.put("website", "https://www." + slug + ".example.com");
      c.put("company_name", name);
      c.putArray("custom_fields");
      c.putObject("email_address")
          .put("email", "info@" + slug + ".example.com")
          .put("field", "EMAIL1")
          .put("is_opt_in", false)
          .put("email_opt_status", "UNENGAGED_MARKETABLE");
      c.putObject("phone_number")
          .put("number", phone)
          .put("type", "Work")
          .put("field", "PHONE1")
          .put("number_e164", ContactPoints.e164(phone));
      c.put("update_time", World.timestamp(updated));
      c.put("create_time", World.timestamp(created));
      c.put("contact_type", TYPES[rnd.nextInt(TYPES.length)]);
      c.put("first_name", person[0]);
      c.put("job_title", person[2]);
      c.put("last_name", person[1]);
      String owner = users == 0 ? null : Integer.toString(1 + rnd.nextInt(users));
      if (owner != null) {
        c.put("owner_id", owner);
      }
      c.put("created_by", owner == null ? "1" : owner);
      c.put("last_updated_by", owner == null ? "1" : owner);
      long id = companies.nextId();
      c.put("id", Long.toString(id));
      companies.put(id, CompanyViews.canonical(c));
    }
  }
}
