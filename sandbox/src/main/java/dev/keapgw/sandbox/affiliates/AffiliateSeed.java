package dev.keapgw.sandbox.affiliates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.commerce.ContactRefs;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Three affiliates, each a seeded contact (the last ones of contacts 1 to 10): two active, one
 * inactive, the third recruited by the first. Named after their contact when it exists.
 */
final class AffiliateSeed {
  private AffiliateSeed() {}

  private static final String[] FALLBACK_NAMES = {"Riley Morgan", "Jordan Lee", "Casey Brooks"};

  static void seed(Tenant tenant, Random random, Instant now) {
    Table affiliates = tenant.table(AffiliatesModule.TABLE);
    List<String> contacts = ContactRefs.sampleIds(tenant, 10);
    if (affiliates.size() > 0 || contacts.isEmpty()) {
      return;
    }
    int count = Math.min(FALLBACK_NAMES.length, contacts.size());
    String recruiter = "0"; // Keap's "no parent"
    for (int i = 0; i < count; i++) {
      String contactId = contacts.get(contacts.size() - count + i);
      String name = name(tenant, contactId, FALLBACK_NAMES[i]);
      ObjectNode a = Json.object();
      a.put("id", "");
      a.put("code", name.split(" ")[0].toUpperCase(Locale.ROOT) + (10 + random.nextInt(90)));
      a.put("name", name);
      a.put("status", i == 1 ? "INACTIVE" : "ACTIVE");
      a.put("contact_id", contactId);
      a.put("unique_site_id", Integer.toString(100_000 + random.nextInt(900_000)));
      a.put("date_created", World.timestamp(now.minus(60 + random.nextInt(400), ChronoUnit.DAYS)));
      a.put("parent_affiliate_id", i == 2 ? recruiter : "0");
      a.put("notify_on_sale", true);
      a.put("notify_on_lead", i != 1);
      a.put("track_leads_days", 30 * (1 + random.nextInt(3)));
      a.putArray("custom_fields");
      long id = affiliates.insert(a);
      if (i == 0) {
        recruiter = Long.toString(id);
      }
    }
  }

  private static String name(Tenant tenant, String contactId, String fallback) {
    ObjectNode c = ContactRefs.basic(tenant, contactId);
    String given = Json.text(c, "given_name");
    String family = Json.text(c, "family_name");
    if (given == null || given.isBlank()) {
      return fallback;
    }
    return family == null || family.isBlank() ? given : given + " " + family;
  }
}
